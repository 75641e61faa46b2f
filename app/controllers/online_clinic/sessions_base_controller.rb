# frozen_string_literal: true

module ::OnlineClinic
  # Shared replies of the session endpoints: the session shapes of docs/contract.md and the
  # translated refusals (error_type = the refusal symbol of the pure rules).
  class SessionsBaseController < BaseController
    private

    def server_now_ms
      OnlineClinic::SessionState.to_ms(Time.now)
    end

    def session_policy(clinic)
      OnlineClinic::SessionPolicy.new(
        clinic_policy: OnlineClinic::ClinicAccess.policy(current_user, clinic),
        archived: clinic.archived?,
      )
    end

    def serialize_sessions(sessions, clinic)
      user_ids =
        sessions.flat_map do |session|
          Array(session.summary&.dig("participants")).map { |p| p["user_id"] }
        end
      users = user_ids.empty? ? {} : User.where(id: user_ids.uniq).index_by(&:id)
      can_control = session_policy(clinic).can?(:control)
      sessions.map do |session|
        OnlineClinic::SessionSerializer.new(
          session,
          scope: guardian,
          root: false,
          summary_users: users,
          can_control: can_control,
        ).as_json
      end
    end

    def render_session(session, clinic)
      session = OnlineClinic::Session.includes(:started_by, :ended_by, :topic).find(session.id)
      render json: {
               session: serialize_sessions([session], clinic).first,
               server_now_ms: server_now_ms,
             }
    end

    def render_upcoming(clinic)
      render json: { upcoming: serialize_upcoming(clinic) }
    end

    def serialize_upcoming(clinic)
      OnlineClinic::Appointment
        .upcoming_for(clinic.id)
        .map { |appointment| AppointmentSerializer.new(appointment, root: false).as_json }
    end

    # Runs a session service; on_done renders the answer (Service::Runner runs it on this
    # controller with the context values its block names, e.g. |clinic:, session:|).
    def run_session_service(service, service_params, &on_done)
      service.call(params: service_params, guardian: guardian) do
        on_success(&on_done)
        on_model_not_found(:clinic) { raise Discourse::NotFound }
        on_model_not_found(:session) { raise Discourse::NotFound }
        on_model_not_found(:schedule) { raise Discourse::NotFound }
        on_failed_policy(:can_act) { |_policy, denial:| render_denial(denial) }
        on_failed_policy(:topic_in_clinic) { raise Discourse::NotFound }
        on_failed_contract { |contract| render_invalid_parameters(contract) }
        on_failed_step(:apply) { |step| render_refusal(step.error, "session_refused") }
        on_failure do
          render_json_error(
            I18n.t("online_clinic.errors.session_refused"),
            type: "failed",
            status: 422,
          )
        end
      end
    end
  end
end
