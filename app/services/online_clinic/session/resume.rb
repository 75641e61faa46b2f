# frozen_string_literal: true

# Resumes a paused session; the pause is recorded and shown in the summary.
class OnlineClinic::Session::Resume
  include Service::Base

  ACTION = :control

  params do
    attribute :session_id, :integer

    validates :session_id, presence: true
  end

  include OnlineClinic::SessionTransitionSteps

  private

  def transition(state, _params)
    state.resume(now: now_ms)
  end
end
