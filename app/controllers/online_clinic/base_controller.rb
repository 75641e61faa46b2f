# frozen_string_literal: true

module ::OnlineClinic
  class BaseController < ::ApplicationController
    requires_plugin OnlineClinic::PLUGIN_NAME
    requires_login

    private

    def clinic_scope
      OnlineClinic::Clinic.includes(:category, :pending_invites, memberships: :user)
    end

    # A non-member gets Discourse's plain 404, so a clinic's existence never leaks.
    def find_visible_clinic!(clinic)
      raise Discourse::NotFound if clinic.nil?
      policy = OnlineClinic::ClinicAccess.policy(current_user, clinic)
      raise Discourse::NotFound if !policy.can?(:see)
      if policy.audited_access?
        OnlineClinic::ClinicAccess.record_non_member_access(current_user, clinic, :api)
      end
      clinic
    end

    def render_clinic(clinic)
      clinic = clinic_scope.find(clinic.id)
      render json: {
               clinic:
                 OnlineClinic::ClinicSerializer.new(clinic, scope: guardian, root: false).as_json,
             }
    end

    def render_denial(denial)
      case denial
      when :archived
        render_json_error(I18n.t("online_clinic.errors.archived"), type: "archived", status: 422)
      when :not_a_therapist
        render_json_error(
          I18n.t("online_clinic.errors.not_a_therapist"),
          type: "not_a_therapist",
          status: 403,
        )
      when :not_permitted
        render_json_error(
          I18n.t("online_clinic.errors.not_permitted"),
          type: "not_permitted",
          status: 403,
        )
      else
        raise Discourse::NotFound
      end
    end

    # A service's refusal (a step failed with an error symbol), translated; fallback_key names
    # the message for a refusal that has none of its own.
    def render_refusal(reason, fallback_key)
      key = "online_clinic.errors.#{reason}"
      message = I18n.exists?(key) ? I18n.t(key) : I18n.t("online_clinic.errors.#{fallback_key}")
      render_json_error(message, type: reason.to_s, status: 422)
    end

    def render_invalid_parameters(contract)
      render_json_error(contract.errors.full_messages, type: "invalid_parameters", status: 400)
    end

    # Every clinic service names its policy :can_act and its input check :validate_input.
    def run_clinic_service(service, service_params)
      service.call(params: service_params, guardian: guardian) do
        on_success { |clinic:| render_clinic(clinic) }
        on_model_not_found(:clinic) { raise Discourse::NotFound }
        on_failed_policy(:can_act) { |_policy, denial:| render_denial(denial) }
        on_failed_contract { |contract| render_invalid_parameters(contract) }
        on_failed_step(:validate_input) do |step|
          render_json_error(step.error, type: "invalid_clinic", status: 422)
        end
        on_failed_step(:add_client) do |step|
          render_json_error(step.error, type: "invalid_clinic", status: 422)
        end
        on_failed_step(:provision) do |step|
          render_json_error(step.error, type: "invalid_clinic", status: 422)
        end
        on_failure do
          render_json_error(
            I18n.t("online_clinic.errors.provisioning_failed"),
            type: "failed",
            status: 422,
          )
        end
      end
    end
  end
end
