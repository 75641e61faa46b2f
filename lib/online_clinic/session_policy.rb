# frozen_string_literal: true

module OnlineClinic
  # Who may do what with a clinic's sessions, on top of ClinicPolicy (which decides who is a
  # member). Pure. Rules:
  # - Only the clinic's therapist starts, pauses, resumes, extends and ends sessions, schedules
  #   them and sets the between-sessions boundary text; a client may ask for a session.
  # - Everyone who may see the clinic sees its sessions, schedule and calendar files.
  # - Strangers get :not_found for everything; an archived clinic refuses every change
  #   with :archived (after :not_permitted, so a client is never told to reopen it).
  class SessionPolicy
    THERAPIST_ACTIONS = %i[start control schedule set_boundary].freeze
    CLIENT_ACTIONS = %i[request].freeze
    ACTIONS = (%i[see] + THERAPIST_ACTIONS + CLIENT_ACTIONS).freeze

    PERMISSION_ACTIONS = {
      can_start: :start,
      can_request: :request,
      can_schedule: :schedule,
      can_set_boundary: :set_boundary,
    }.freeze

    # clinic_policy: a ClinicPolicy for the asking user; archived: whether the clinic is archived.
    def initialize(clinic_policy:, archived:)
      @clinic_policy = clinic_policy
      @archived = archived == true
    end

    def can?(action)
      denial(action).nil?
    end

    def denial(action)
      raise ArgumentError, "unknown session action: #{action.inspect}" if ACTIONS.none?(action)
      return @clinic_policy.denial(:see) if action == :see
      return :not_found if !@clinic_policy.member?
      return :not_permitted if !allowed_for_role?(action)
      :archived if @archived
    end

    def permissions
      PERMISSION_ACTIONS.transform_values { |action| can?(action) }
    end

    private

    def allowed_for_role?(action)
      case @clinic_policy.role
      when :therapist
        THERAPIST_ACTIONS.include?(action)
      when :client
        CLIENT_ACTIONS.include?(action)
      else
        false
      end
    end
  end
end
