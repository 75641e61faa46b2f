# frozen_string_literal: true

module ::OnlineClinic
  # An appointment as a calendar file. Its title is the neutral "Appointment" and its link goes
  # to the dashboard: a calendar must not reveal therapy or name the clinic.
  class AppointmentsController < SessionsBaseController
    # Opened as a download by the browser, not through ajax.
    skip_before_action :check_xhr

    def show
      appointment = OnlineClinic::Appointment.find_by(id: params[:id])
      raise Discourse::NotFound if appointment.nil?
      clinic = find_visible_clinic!(clinic_scope.find_by(id: appointment.clinic_id))
      raise Discourse::NotFound if !session_policy(clinic).can?(:see)

      ics =
        OnlineClinic::SessionIcs.build(
          uid: "appointment-#{appointment.id}@#{Discourse.current_hostname}",
          starts_at: appointment.starts_at,
          ends_at: appointment.ends_at,
          summary: I18n.t("online_clinic.sessions.ics_summary"),
          url: "#{Discourse.base_url}/clinic",
          stamp: appointment.updated_at,
        )
      send_data ics,
                type: "text/calendar; charset=utf-8",
                filename: "appointment.ics",
                disposition: "attachment"
    end
  end
end
