# frozen_string_literal: true

module ::OnlineClinic
  # One item shown on a clinic's shared screen, for the timeline: what, by whom, when, and in
  # which running session. Written only when the shown item changes, never for scrolling.
  class ScreenShow < ActiveRecord::Base
    self.table_name = "online_clinic_screen_shows"

    KINDS = OnlineClinic::ScreenState::KINDS

    belongs_to :clinic, class_name: "OnlineClinic::Clinic"
    belongs_to :user
    belongs_to :session, class_name: "OnlineClinic::Session", optional: true
    belongs_to :upload, optional: true

    validates :item_kind, inclusion: { in: KINDS }

    # A row from ScreenState.shown_item_event's item: the address, upload or video it names.
    def self.record!(clinic:, event:)
      item = event["item"]
      create!(
        clinic_id: clinic.id,
        user_id: event["user_id"],
        session_id: OnlineClinic::Session.open_sessions.where(clinic_id: clinic.id).pick(:id),
        item_kind: item["kind"],
        url: item["url"],
        upload_id: item["document_id"],
        video_id: item["video_id"],
      )
    end
  end
end
