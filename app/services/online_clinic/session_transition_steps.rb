# frozen_string_literal: true

module ::OnlineClinic
  # The shape of every therapist transition (pause, resume, extend, end): find the session and
  # its clinic, ask the policy, then under the clinic's lock re-read the session and apply the
  # pure state machine. A service includes this and defines #transition(state, params).
  module SessionTransitionSteps
    extend ActiveSupport::Concern
    include OnlineClinic::SessionServiceSteps

    included do
      model :session
      model :clinic
      policy :can_act

      transaction do
        step :lock_clinic
        step :apply
        step :record_summary
        step :audit_transition
        step :seal_record
      end

      step :publish_session_change
    end

    private

    def fetch_session(params:)
      OnlineClinic::Session.find_by(id: params.session_id)
    end

    def fetch_clinic(session:)
      OnlineClinic::Clinic.includes(:category, memberships: :user).find_by(id: session.clinic_id)
    end

    def apply(session:, params:, guardian:)
      session.reload
      session.assign_session_state(transition(session.session_state, params))
      session.ended_by_id = guardian.user.id if session.state == "ended"
      session.save!
    rescue OnlineClinic::SessionState::TransitionError => e
      fail!(e.reason)
    end

    def audit_transition(clinic:, session:, guardian:)
      append_session_ended(clinic, session, guardian.user.id) if session.state == "ended"
    end
  end
end
