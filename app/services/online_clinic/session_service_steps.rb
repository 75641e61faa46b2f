# frozen_string_literal: true

module ::OnlineClinic
  # Steps shared by the session services. Like the clinic services, each names its policy
  # :can_act; a refusal of the state machine or the schedule fails the step :apply with the
  # refusal symbol, which the controller translates (online_clinic.errors.<symbol>).
  module SessionServiceSteps
    include OnlineClinic::ClinicLookup

    private

    def can_act(clinic:, guardian:)
      context[:denial] = session_policy(clinic, guardian).denial(self.class::ACTION)
      context[:denial].nil?
    end

    def session_policy(clinic, guardian)
      OnlineClinic::SessionPolicy.new(
        clinic_policy: OnlineClinic::ClinicAccess.policy(guardian.user, clinic),
        archived: clinic.archived?,
      )
    end

    # Every change of a clinic's sessions runs under the clinic's row lock, so two tabs or a
    # double click are served one after the other and see each other's result.
    def lock_clinic(clinic:)
      clinic.lock!
    end

    def now_ms
      OnlineClinic::SessionState.to_ms(Time.now)
    end

    # Stores the ended session's summary: durations from the state, posts and words from the
    # posts linked to it (written and chat modes).
    def record_summary(session:)
      return if session.state != "ended"
      summary =
        OnlineClinic::SessionSummary.build(
          state: session.session_state,
          mode: session.mode.to_sym,
          posts: session.summary_posts,
        )
      session.update!(summary: summary.as_json)
    end

    def append_session_ended(clinic, session, actor_id)
      OnlineClinic::AuditEntry.append!(
        clinic,
        action: :session_ended,
        actor_id: actor_id,
        details: {
          number: session.number,
          ended_reason: session.ended_reason,
        },
      )
    end

    # After session_ended, in the same transaction: the record's digest joins the chain the
    # moment the session ends, or neither is written.
    def seal_record(clinic:, session:)
      OnlineClinic::SessionSeal.seal!(clinic, session) if session.state == "ended"
    end

    def publish_session_change(clinic:, session:)
      OnlineClinic::SessionBroadcast.session_changed(clinic, session)
    end

    def publish_schedule_change(clinic:)
      OnlineClinic::SessionBroadcast.schedule_changed(clinic)
    end
  end
end
