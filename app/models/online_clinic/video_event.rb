# frozen_string_literal: true

module ::OnlineClinic
  # A member joined or left their clinic's video call, for the session timeline. Nothing of the
  # call itself (picture, sound, its chat) is ever stored.
  class VideoEvent < ActiveRecord::Base
    self.table_name = "online_clinic_video_events"

    EVENTS = %w[joined left].freeze

    belongs_to :clinic, class_name: "OnlineClinic::Clinic"
    belongs_to :user
    belongs_to :session, class_name: "OnlineClinic::Session", optional: true

    validates :event, inclusion: { in: EVENTS }
  end
end
