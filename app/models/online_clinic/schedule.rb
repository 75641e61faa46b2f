# frozen_string_literal: true

module ::OnlineClinic
  # When a clinic's sessions take place (OnlineClinic::SessionSchedule holds the rules). Its
  # occurrences are written ahead as Appointments.
  class Schedule < ActiveRecord::Base
    self.table_name = "online_clinic_schedules"

    RECURRENCES = OnlineClinic::SessionSchedule::RECURRENCES.map(&:to_s).freeze
    # As far ahead as SessionSchedule checks overlaps.
    HORIZON = OnlineClinic::SessionSchedule::OVERLAP_HORIZON_WEEKS.weeks

    belongs_to :clinic, class_name: "OnlineClinic::Clinic"
    belongs_to :created_by, class_name: "User"
    has_many :appointments, class_name: "OnlineClinic::Appointment", dependent: :delete_all

    validates :recurrence, inclusion: { in: RECURRENCES }

    def rules
      OnlineClinic::SessionSchedule.new(
        local_start: local_start,
        time_zone: time_zone,
        length_minutes: length_minutes,
        recurrence: recurrence.to_sym,
        count: count,
      )
    end

    # Writes the occurrences up to `now + HORIZON` that are not written yet.
    def write_appointments!(now: Time.zone.now)
      rows =
        rules
          .occurrences(from: now, to: now + HORIZON)
          .map do |occurrence|
            {
              schedule_id: id,
              clinic_id: clinic_id,
              starts_at: occurrence.starts_at,
              ends_at: occurrence.ends_at,
              created_at: now,
              updated_at: now,
            }
          end
      return if rows.empty?
      OnlineClinic::Appointment.insert_all(rows, unique_by: %i[schedule_id starts_at])
    end
  end
end
