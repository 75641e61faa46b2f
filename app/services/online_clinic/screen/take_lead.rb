# frozen_string_literal: true

# A member takes the lead of the shared screen (only a therapist while it is locked).
class OnlineClinic::Screen::TakeLead
  include Service::Base

  WRITES = true
  RATE_LIMIT = ["screen-control", 30].freeze

  params do
    attribute :clinic_id, :integer

    validates :clinic_id, presence: true
  end

  include OnlineClinic::ScreenTransitionSteps

  private

  def transition(state, actor, now_ms)
    OnlineClinic::ScreenState.take_lead(state, actor: actor, now_ms: now_ms)
  end
end
