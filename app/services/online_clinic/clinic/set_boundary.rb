# frozen_string_literal: true

# The therapist's note about writing between sessions (e.g. "I read messages on weekdays and
# answer at our next session"), shown to the client in the composer outside a session. Plain
# text: the browser renders it as text, never as HTML. Empty text removes it.
class OnlineClinic::Clinic::SetBoundary
  include Service::Base
  include OnlineClinic::SessionServiceSteps

  ACTION = :set_boundary
  MAX_LENGTH = 500

  params do
    attribute :clinic_id, :integer
    attribute :text, :string

    validates :clinic_id, presence: true
  end

  model :clinic
  policy :can_act

  transaction do
    step :lock_clinic
    step :apply
  end

  step :publish_schedule_change

  private

  def apply(clinic:, params:)
    text = params.text.to_s.strip.presence
    fail!(:boundary_too_long) if text && text.length > MAX_LENGTH
    clinic.update!(boundary_text: text)
  end
end
