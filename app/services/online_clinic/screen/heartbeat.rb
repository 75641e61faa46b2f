# frozen_string_literal: true

# The leader's browser says every 10 s that it is still there, so a closed laptop loses the
# lead after 30 s instead of holding it. Limited on its own, apart from the screen updates.
class OnlineClinic::Screen::Heartbeat
  include Service::Base

  WRITES = true
  RATE_LIMIT = ["screen-heartbeat", 20].freeze

  params do
    attribute :clinic_id, :integer

    validates :clinic_id, presence: true
  end

  include OnlineClinic::ScreenTransitionSteps

  private

  def transition(state, actor, now_ms)
    OnlineClinic::ScreenState.heartbeat(state, actor: actor, now_ms: now_ms)
  end
end
