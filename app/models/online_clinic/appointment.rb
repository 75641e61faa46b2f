# frozen_string_literal: true

module ::OnlineClinic
  # One occurrence of a schedule.
  class Appointment < ActiveRecord::Base
    self.table_name = "online_clinic_appointments"

    UPCOMING_LIMIT = 20

    belongs_to :schedule, class_name: "OnlineClinic::Schedule"
    belongs_to :clinic, class_name: "OnlineClinic::Clinic"
    has_many :sent_reminders, class_name: "OnlineClinic::SentReminder", dependent: :delete_all

    # Not over yet: a session under way still shows until its planned end.
    scope :upcoming, ->(now = Time.zone.now) { where("ends_at > ?", now).order(:starts_at) }

    def self.upcoming_for(clinic_id, now: Time.zone.now)
      upcoming(now).includes(:schedule).where(clinic_id: clinic_id).limit(UPCOMING_LIMIT).to_a
    end

    # The next start of each clinic, in one query (the dashboard's next_session_at).
    def self.next_starts_by_clinic(clinic_ids, now: Time.zone.now)
      where(clinic_id: clinic_ids).where("starts_at > ?", now).group(:clinic_id).minimum(:starts_at)
    end

    def occurrence
      OnlineClinic::SessionSchedule::Occurrence.new(starts_at: starts_at, ends_at: ends_at)
    end
  end
end
