# frozen_string_literal: true

RSpec.describe OnlineClinic::SchedulesController do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    freeze_time Time.utc(2026, 10, 1, 9)
    sign_in(therapist)
  end

  let(:body) do
    {
      local_start: "2026-10-13T18:00",
      time_zone: "Asia/Jerusalem",
      length_minutes: 50,
      recurrence: "weekly",
      count: 4,
    }
  end

  def schedule(params = {})
    post "/online-clinic/clinics/#{clinic.id}/schedules.json", params: body.merge(params)
  end

  it "keeps a weekly session at 18:00 in Jerusalem across the change of clocks" do
    messages = MessageBus.track_publish(clinic.message_bus_channel) { schedule }
    expect(response.status).to eq(200)
    expect(response.parsed_body["upcoming"].map { |a| a["starts_at"] }).to eq(
      %w[2026-10-13T15:00:00Z 2026-10-20T15:00:00Z 2026-10-27T16:00:00Z 2026-11-03T16:00:00Z],
    )
    expect(messages.map(&:data)).to eq([{ type: "schedule_changed", clinic_id: clinic.id }])
    expect(messages.first.group_ids).to eq([clinic.group_id])
  end

  it "refuses a time in the past, an overlap, an unknown zone and a time the clocks skip" do
    schedule
    [
      [{ local_start: "2026-09-01T18:00" }, "in_the_past"],
      [{ local_start: "2026-10-20T18:30", count: 1 }, "overlaps"],
      [{ time_zone: "Mars/Olympus" }, "invalid_time_zone"],
      [{ local_start: "2027-03-26T02:30", count: 1 }, "nonexistent_local_time"],
    ].each do |params, error_type|
      expect { schedule(params) }.not_to change { OnlineClinic::Schedule.count }
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq(error_type)
      expect(response.parsed_body["errors"]).to eq([I18n.t("online_clinic.errors.#{error_type}")])
    end
  end

  it "refuses a client" do
    sign_in(client)
    schedule
    expect(response.status).to eq(403)
  end

  it "removes a schedule with its appointments" do
    schedule
    schedule_id = response.parsed_body["upcoming"].first["schedule_id"]
    delete "/online-clinic/schedules/#{schedule_id}.json"
    expect(response.status).to eq(200)
    expect(response.parsed_body["upcoming"]).to eq([])
    expect(OnlineClinic::Appointment.where(schedule_id:)).to be_empty
  end

  it "shows the next appointment on the dashboard" do
    schedule
    get "/online-clinic/clinics.json"
    expect(response.parsed_body["clinics"].first["next_session_at"]).to eq(
      "2026-10-13T15:00:00.000Z",
    )
  end
end
