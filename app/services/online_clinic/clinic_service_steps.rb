# frozen_string_literal: true

module ::OnlineClinic
  # Steps shared by the clinic services. Every service names its policy :can_act and its
  # input check :validate_input, so one controller helper maps every failure to a reply.
  module ClinicServiceSteps
    include OnlineClinic::ClinicLookup

    private

    def can_act(clinic:, guardian:)
      policy = OnlineClinic::ClinicAccess.policy(guardian.user, clinic)
      context[:denial] = policy.denial(self.class::ACTION)
      context[:denial].nil?
    end

    def publish_clinic_change(clinic:)
      clinic.publish_changed!
    end

    def append_audit(clinic, guardian, action, details = {})
      OnlineClinic::AuditEntry.append!(
        clinic,
        action: action,
        actor_id: guardian.user&.id,
        details: details,
      )
    end

    def name_error_messages(name)
      OnlineClinic::ClinicName
        .errors(name)
        .map { |error| I18n.t("online_clinic.errors.name_#{error}") }
    end
  end
end
