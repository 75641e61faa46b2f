# frozen_string_literal: true

# Pauses a running session; the clock stops until it is resumed.
class OnlineClinic::Session::Pause
  include Service::Base

  ACTION = :control

  params do
    attribute :session_id, :integer

    validates :session_id, presence: true
  end

  include OnlineClinic::SessionTransitionSteps

  private

  def transition(state, _params)
    state.pause(now: now_ms)
  end
end
