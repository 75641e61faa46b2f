# frozen_string_literal: true

module ::OnlineClinic
  # Appointment in docs/contract.md: one occurrence of a schedule, with its calendar file.
  class AppointmentSerializer < ApplicationSerializer
    attributes :id, :schedule_id, :starts_at, :ends_at, :length_minutes, :recurrence, :ics_url

    def starts_at
      object.starts_at.utc.iso8601
    end

    def ends_at
      object.ends_at.utc.iso8601
    end

    def length_minutes
      object.schedule.length_minutes
    end

    def recurrence
      object.schedule.recurrence
    end

    def ics_url
      "#{Discourse.base_path}/online-clinic/appointments/#{object.id}.ics"
    end
  end
end
