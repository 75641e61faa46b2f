# frozen_string_literal: true

module ::OnlineClinic
  # Dates as people read them: the therapist's zone for a clinic, a date written out in a
  # user's language and zone, and the title of a written session's topic.
  module SessionCalendar
    module_function

    # The zone of the clinic's latest schedule, else the therapist's profile zone, else UTC.
    def time_zone(clinic, therapist)
      zone = OnlineClinic::Schedule.where(clinic_id: clinic.id).order(id: :desc).pick(:time_zone)
      zone = therapist&.user_option&.timezone if zone.blank?
      valid_zone?(zone) ? zone : "UTC"
    end

    def user_time_zone(user)
      zone = user&.user_option&.timezone
      valid_zone?(zone) ? zone : "UTC"
    end

    def valid_zone?(zone)
      zone.present? && ActiveSupport::TimeZone[zone].present?
    end

    # "4 December 2026" in the current locale; month names come from our own locale files so
    # that the words do not depend on which date translations the site has installed.
    def date_text(time, zone)
      local = time.in_time_zone(zone)
      I18n.t(
        "online_clinic.sessions.date",
        day: local.day,
        month: I18n.t("online_clinic.sessions.month_names")[local.month - 1],
        year: local.year,
      )
    end

    def time_text(time, zone)
      time.in_time_zone(zone).strftime("%H:%M")
    end

    # "Session 12 — 4 December 2026", in the therapist's language and zone.
    def topic_title(number, time, therapist, zone)
      I18n.with_locale(therapist.effective_locale) do
        I18n.t("online_clinic.sessions.topic_title", number: number, date: date_text(time, zone))
      end
    end
  end
end
