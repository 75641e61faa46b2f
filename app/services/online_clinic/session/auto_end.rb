# frozen_string_literal: true

# Ends a session nobody ended once its time plus the grace period has passed, at that instant,
# and marks it so (auto_ended_unattended). Run by Jobs::OnlineClinic::AutoEndSessions.
class OnlineClinic::Session::AutoEnd
  include Service::Base
  include OnlineClinic::SessionServiceSteps

  params do
    attribute :session_id, :integer

    validates :session_id, presence: true
  end

  model :session
  model :clinic

  transaction do
    step :lock_clinic
    step :apply
    step :record_summary
    step :audit_auto_end
    step :seal_record
  end

  step :publish_session_change

  private

  def fetch_session(params:)
    OnlineClinic::Session.find_by(id: params.session_id)
  end

  def fetch_clinic(session:)
    OnlineClinic::Clinic.find_by(id: session.clinic_id)
  end

  # A therapist who ended or resumed it meanwhile wins: the refusal leaves it untouched.
  def apply(session:)
    session.reload
    session.assign_session_state(
      session.session_state.auto_end(
        now: now_ms,
        grace_minutes: SiteSetting.online_clinic_session_grace_minutes,
      ),
    )
    session.save!
  rescue OnlineClinic::SessionState::TransitionError => e
    fail!(e.reason)
  end

  def audit_auto_end(clinic:, session:)
    append_session_ended(clinic, session, nil)
  end
end
