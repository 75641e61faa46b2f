# frozen_string_literal: true

module ::OnlineClinic
  # A reminder that went out; its unique index makes each reminder go out once.
  class SentReminder < ActiveRecord::Base
    self.table_name = "online_clinic_sent_reminders"

    belongs_to :appointment, class_name: "OnlineClinic::Appointment"

    # True for the one caller that records it first.
    def self.record_once(appointment_id, minutes_before)
      inserted =
        insert_all(
          [
            {
              appointment_id: appointment_id,
              minutes_before: minutes_before,
              created_at: Time.zone.now,
            },
          ],
          unique_by: %i[appointment_id minutes_before],
        )
      inserted.rows.any?
    end
  end
end
