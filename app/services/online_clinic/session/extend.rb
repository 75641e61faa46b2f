# frozen_string_literal: true

# Gives a running or paused session 5 or 10 more minutes, up to 180 minutes in all.
class OnlineClinic::Session::Extend
  include Service::Base

  ACTION = :control

  params do
    attribute :session_id, :integer
    attribute :minutes, :integer

    validates :session_id, :minutes, presence: true
  end

  include OnlineClinic::SessionTransitionSteps

  private

  def transition(state, params)
    state.extend_by(minutes: params.minutes)
  end
end
