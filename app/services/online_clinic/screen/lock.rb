# frozen_string_literal: true

# A therapist locks the lead (then only therapists may take it) or unlocks it.
class OnlineClinic::Screen::Lock
  include Service::Base

  WRITES = true
  RATE_LIMIT = ["screen-control", 30].freeze

  params do
    attribute :clinic_id, :integer
    attribute :locked, :boolean

    validates :clinic_id, presence: true
    validates :locked, inclusion: { in: [true, false] }
  end

  include OnlineClinic::ScreenTransitionSteps

  private

  def transition(state, actor, now_ms)
    if context[:params].locked
      OnlineClinic::ScreenState.lock(state, actor: actor, now_ms: now_ms)
    else
      OnlineClinic::ScreenState.unlock(state, actor: actor, now_ms: now_ms)
    end
  end
end
