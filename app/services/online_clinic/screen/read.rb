# frozen_string_literal: true

# A member's look at the shared screen (late joiners, reconnecting browsers). A lead that timed
# out is released first, stored and published, so no timer has to live in any process.
class OnlineClinic::Screen::Read
  include Service::Base

  WRITES = false
  RATE_LIMIT = nil

  params do
    attribute :clinic_id, :integer

    validates :clinic_id, presence: true
  end

  include OnlineClinic::ScreenTransitionSteps

  private

  def transition(state, _actor, now_ms)
    expired = OnlineClinic::ScreenState.expire(state, now_ms: now_ms)
    OnlineClinic::ScreenState::Outcome.new(expired, nil, nil, !expired.equal?(state))
  end
end
