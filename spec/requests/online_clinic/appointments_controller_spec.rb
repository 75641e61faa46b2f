# frozen_string_literal: true

RSpec.describe OnlineClinic::AppointmentsController do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client], name: "Noa therapy") }
  fab!(:schedule) { Fabricate(:online_clinic_schedule, clinic:) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let(:appointment) { schedule.appointments.first }

  it "downloads a calendar file titled only \"Appointment\"" do
    sign_in(client)
    get "/online-clinic/appointments/#{appointment.id}.ics"
    expect(response.status).to eq(200)
    expect(response.media_type).to eq("text/calendar")
    expect(response.headers["Content-Disposition"]).to include("appointment.ics")
    expect(response.body).to include("SUMMARY:Appointment\r\n")
    expect(response.body).to include(
      "DTSTART:#{appointment.starts_at.utc.strftime("%Y%m%dT%H%M%SZ")}",
    )
    expect(response.body).not_to include("Noa")
    expect(response.body).not_to include(clinic.category.slug)
  end

  it "answers 404 to a non-member" do
    sign_in(outsider)
    get "/online-clinic/appointments/#{appointment.id}.ics"
    expect(response.status).to eq(404)
  end
end
