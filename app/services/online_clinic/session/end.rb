# frozen_string_literal: true

# Ends a running or paused session, records its summary and writes the audit entry.
class OnlineClinic::Session::End
  include Service::Base

  ACTION = :control

  params do
    attribute :session_id, :integer

    validates :session_id, presence: true
  end

  include OnlineClinic::SessionTransitionSteps

  private

  def transition(state, _params)
    state.end_session(now: now_ms)
  end
end
