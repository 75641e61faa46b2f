# frozen_string_literal: true

module Jobs
  module OnlineClinic
    # Reminds every member of an appointment, once per configured offset (24 hours and 15
    # minutes before, by default), with a Discourse notification in neutral words: the date and
    # time in the reader's own zone and language, never the clinic's name. An archived clinic's
    # therapy is over: its appointments remind nobody.
    class SendSessionReminders < ::Jobs::Scheduled
      every 1.minute

      def execute(_args)
        return if !SiteSetting.online_clinic_enabled
        offsets = reminder_minutes
        return if offsets.empty?
        now = Time.zone.now
        ::OnlineClinic::Appointment
          .includes(clinic: { memberships: %i[user] })
          .where(clinic_id: ::OnlineClinic::Clinic.where(status: "open").select(:id))
          .where("starts_at > ? AND starts_at <= ?", now, now + offsets.max.minutes)
          .find_each { |appointment| remind(appointment, offsets, now) }
      end

      private

      def reminder_minutes
        SiteSetting
          .online_clinic_session_reminder_minutes
          .to_s
          .split("|")
          .filter_map { |value| Integer(value, exception: false) }
          .select(&:positive?)
      end

      # Offsets already past when the appointment was made are never sent (a session booked ten
      # minutes ahead gets no 24-hour reminder).
      def remind(appointment, offsets, now)
        due =
          ::OnlineClinic::SessionSchedule
            .reminder_instants(
              appointment.occurrence,
              now: appointment.created_at,
              minutes_before: offsets,
            )
            .select { |instant| instant <= now }
        due.each do |instant|
          minutes = ((appointment.starts_at - instant) / 60).round
          next if !::OnlineClinic::SentReminder.record_once(appointment.id, minutes)
          appointment.clinic.memberships.each { |membership| notify(membership.user, appointment) }
        end
      end

      def notify(user, appointment)
        zone = ::OnlineClinic::SessionCalendar.user_time_zone(user)
        text =
          I18n.with_locale(user.effective_locale) do
            I18n.t(
              "online_clinic.sessions.reminder_notification",
              date: ::OnlineClinic::SessionCalendar.date_text(appointment.starts_at, zone),
              time: ::OnlineClinic::SessionCalendar.time_text(appointment.starts_at, zone),
            )
          end
        Notification.create!(
          notification_type: Notification.types[:custom],
          user_id: user.id,
          data: {
            message: "online_clinic.notifications.session_reminder",
            title: "online_clinic.notifications.session_reminder_title",
            topic_title: text,
            online_clinic_id: appointment.clinic_id,
            url: "/clinic",
          }.to_json,
        )
      end
    end
  end
end
