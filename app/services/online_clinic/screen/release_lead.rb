# frozen_string_literal: true

# The leader gives the lead up; what was shown stays on the screen.
class OnlineClinic::Screen::ReleaseLead
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
    OnlineClinic::ScreenState.release_lead(state, actor: actor, now_ms: now_ms)
  end
end
