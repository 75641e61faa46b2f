# frozen_string_literal: true

# The leader's whole picture of the screen ({ item, reading?, video? }, docs/screen.md). A
# document or uploaded video must be a file of this clinic: an upload referenced by a post of
# the clinic's category.
class OnlineClinic::Screen::Update
  include Service::Base

  WRITES = true
  # The client coalesces scrolling to at most one update a second.
  RATE_LIMIT = ["screen", 120].freeze
  UPLOAD_KINDS = %w[document video].freeze

  params do
    attribute :clinic_id, :integer

    validates :clinic_id, presence: true
  end

  include OnlineClinic::ScreenTransitionSteps

  private

  # A malformed item is left to the pure rule, which names the field.
  def item_in_clinic(clinic:, payload:)
    item = payload.is_a?(Hash) ? payload["item"] : nil
    return true if !item.is_a?(Hash) || !UPLOAD_KINDS.include?(item["kind"])

    upload_id = item["document_id"]
    return true if !upload_id.is_a?(Integer) || !upload_id.positive?

    OnlineClinic::ClinicUploads.shared_in?(clinic, upload_id)
  end

  def transition(state, actor, now_ms)
    OnlineClinic::ScreenState.update(
      state,
      actor: actor,
      payload: context[:payload],
      now_ms: now_ms,
    )
  end
end
