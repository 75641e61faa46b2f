# frozen_string_literal: true

module Jobs
  module OnlineClinic
    # Keeps a year of every weekly series written as appointments (an open-ended series would
    # otherwise run out), so reminders, calendar files and overlap checks see them. Not for an
    # archived clinic, whose therapy is over.
    class WriteAppointmentsAhead < ::Jobs::Scheduled
      every 1.day

      def execute(_args)
        return if !SiteSetting.online_clinic_enabled
        now = Time.zone.now
        ::OnlineClinic::Schedule
          .where(recurrence: "weekly")
          .where(clinic_id: ::OnlineClinic::Clinic.where(status: "open").select(:id))
          .find_each { |schedule| schedule.write_appointments!(now: now) }
      end
    end
  end
end
