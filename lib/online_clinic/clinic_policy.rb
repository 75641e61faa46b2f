# frozen_string_literal: true

module OnlineClinic
  # Who may do what in one clinic. Pure: the caller gathers the facts (who is asking, who the
  # clinic's members are, whether it is archived, whether strict confidentiality is on) and
  # this class decides. Nothing here knows about Discourse.
  #
  # Rules, including the ones the product description leaves open:
  # - Membership is decided by the clinic's own member list, never by site-wide roles. A user who
  #   left the site's therapists group stays the therapist of the clinics they run; a therapist
  #   of another clinic, a moderator or a client of another clinic is a stranger here.
  # - The clinic belongs to the client: clients see, post, rename, read the audit log and export.
  #   Only the clinic's therapist adds or removes clients, archives and reopens.
  # - An archived clinic is a closed file, not a deleted one: everyone who could see it still sees
  #   it, reads its audit log and exports it; nobody posts, renames or changes its members; its
  #   therapist may reopen it. Archiving an archived clinic or reopening an open one is refused,
  #   so the UI never offers them.
  # - Strangers get :not_found for every action so that a clinic's existence does not leak.
  # - An admin who is not a member: with strict confidentiality, a stranger like any other; without
  #   it, may look (see, read the audit log) and nothing else, and every such look is audited.
  #   An admin who is a member (e.g. a therapist who also runs the site) is treated as a member.
  # - Denial reasons, in order: :not_found (stranger), :not_permitted (the role never allows
  #   it, or there is nothing to reopen), :archived (the role allows it, but not while archived).
  class ClinicPolicy
    # user_id nil = anonymous; therapist = in the site's therapists group.
    Actor = Struct.new(:user_id, :admin, :moderator, :therapist, keyword_init: true)

    # member_roles: { user_id => :therapist | :client }. A removed client is simply absent.
    ClinicFacts = Struct.new(:member_roles, :archived, keyword_init: true)

    ACTIONS = %i[
      see
      post
      rename
      add_client
      remove_client
      archive
      reopen
      read_audit_log
      export
    ].freeze

    ROLES = %i[therapist client].freeze

    ROLE_ACTIONS = { therapist: ACTIONS, client: %i[see post rename read_audit_log export] }.freeze

    ALLOWED_WHILE_ARCHIVED = %i[see reopen read_audit_log export].freeze

    # What an admin outside the clinic may do when strict confidentiality is off.
    ADMIN_OVERSIGHT_ACTIONS = %i[see read_audit_log].freeze

    PERMISSION_ACTIONS = {
      can_rename: :rename,
      can_add_client: :add_client,
      can_remove_client: :remove_client,
      can_archive: :archive,
      can_reopen: :reopen,
      can_post: :post,
      can_read_audit_log: :read_audit_log,
    }.freeze

    def self.can_create_clinic?(actor)
      !actor.user_id.nil? && actor.therapist == true
    end

    def initialize(actor:, clinic:, strict_confidentiality:)
      @actor = actor
      @archived = clinic.archived == true
      # Anything but an explicit false counts as strict: a missing setting must not open a door.
      @strict_confidentiality = strict_confidentiality != false
      @role = role_of(actor.user_id, clinic.member_roles || {})
    end

    attr_reader :role

    def member?
      !@role.nil?
    end

    def can?(action)
      denial(action).nil?
    end

    def denial(action)
      raise ArgumentError, "unknown clinic action: #{action.inspect}" if !ACTIONS.include?(action)

      member? ? member_denial(action) : outsider_denial(action)
    end

    def audited_access?
      !member? && can?(:see)
    end

    def permissions
      PERMISSION_ACTIONS.transform_values { |action| can?(action) }
    end

    private

    def role_of(user_id, member_roles)
      return nil if user_id.nil?

      role = member_roles[user_id]
      return nil if role.nil?

      role = role.to_sym if role.is_a?(String)
      raise ArgumentError, "unknown clinic role: #{role.inspect}" if !ROLES.include?(role)

      role
    end

    def member_denial(action)
      return :not_permitted if !ROLE_ACTIONS[@role].include?(action)
      return :archived if @archived && !ALLOWED_WHILE_ARCHIVED.include?(action)
      return :not_permitted if action == :reopen && !@archived

      nil
    end

    def outsider_denial(action)
      return :not_found if !admin_oversight?
      return :not_permitted if !ADMIN_OVERSIGHT_ACTIONS.include?(action)

      nil
    end

    def admin_oversight?
      !@actor.user_id.nil? && @actor.admin == true && !@strict_confidentiality
    end
  end
end
