# frozen_string_literal: true

module ::OnlineClinic
  # The video endpoints of docs/contract.md ("## Video"): what a member's browser needs to join
  # the clinic's call, and the joins and leaves it reports.
  class VideoController < BaseController
    def show
      OnlineClinic::Video::JoinConfig.call(params: { clinic_id: params[:id] }, guardian:) do
        on_success { |video_config:| render json: video_config }
        on_model_not_found(:clinic) { raise Discourse::NotFound }
        on_failed_contract { raise Discourse::NotFound }
        on_failed_policy(:can_act) { |_policy, denial:| render_denial(denial) }
        on_failed_policy(:video_configured) do |_policy, settings_check:|
          render_not_configured(settings_check)
        end
        on_failure { render_video_failed }
      end
    end

    def create_event
      OnlineClinic::Video::RecordEvent.call(
        params: {
          clinic_id: params[:id],
          event: params[:event],
        },
        guardian:,
      ) do
        on_success { render json: success_json }
        on_model_not_found(:clinic) { raise Discourse::NotFound }
        on_failed_policy(:can_act) { |_policy, denial:| render_denial(denial) }
        on_failed_contract do
          render_json_error(
            I18n.t("online_clinic.errors.invalid_video_event"),
            type: "invalid_parameters",
            status: 400,
          )
        end
        on_failure { render_video_failed }
      end
    end

    private

    # Only an admin is told which settings to fix; a member learns that the admin has to act.
    def render_not_configured(check)
      admin = !!current_user.admin?
      names = check[:missing_settings] + check[:invalid_settings]
      message =
        if admin
          I18n.t("online_clinic.errors.video_not_configured_admin", settings: names.join(", "))
        else
          I18n.t("online_clinic.errors.video_not_configured")
        end
      render json: {
               errors: [message],
               error_type: "video_not_configured",
               missing_settings: admin ? check[:missing_settings] : [],
               invalid_settings: admin ? check[:invalid_settings] : [],
               admin: admin,
             },
             status: :unprocessable_content
    end

    def render_video_failed
      render_json_error(I18n.t("online_clinic.errors.video_failed"), type: "failed", status: 422)
    end
  end
end
