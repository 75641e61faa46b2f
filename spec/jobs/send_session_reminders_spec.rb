# frozen_string_literal: true

RSpec.describe Jobs::OnlineClinic::SendSessionReminders do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client], name: "Noa therapy") }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    # Booked on 1 December for 4 December, 18:00 in Jerusalem (16:00 UTC).
    freeze_time Time.utc(2026, 12, 1, 9)
    Fabricate(
      :online_clinic_schedule,
      clinic:,
      local_start: "2026-12-04T18:00",
      time_zone: "Asia/Jerusalem",
    )
  end

  def reminders_for(user)
    Notification.where(user_id: user.id, notification_type: Notification.types[:custom])
  end

  it "reminds every member once, 24 hours before, in their own zone and in neutral words" do
    client.user_option.update!(timezone: "America/New_York")
    freeze_time Time.utc(2026, 12, 3, 16, 1)
    described_class.new.execute({})
    described_class.new.execute({})
    expect(reminders_for(therapist).count).to eq(1)
    expect(reminders_for(client).count).to eq(1)
    text = JSON.parse(reminders_for(client).first.data)["topic_title"]
    expect(text).to eq(
      I18n.t(
        "online_clinic.sessions.reminder_notification",
        date: "4 December 2026",
        time: "11:00",
      ),
    )
    expect(reminders_for(client).first.data).not_to include("Noa")
  end

  it "sends a missed 24-hour reminder and the 15-minute one, each once, when both are due" do
    freeze_time Time.utc(2026, 12, 4, 15, 46)
    described_class.new.execute({})
    described_class.new.execute({})
    expect(reminders_for(client).count).to eq(2)
  end

  it "reminds nobody of an appointment of an archived clinic" do
    clinic.update!(status: "archived")
    freeze_time Time.utc(2026, 12, 3, 16, 1)
    described_class.new.execute({})
    expect(reminders_for(therapist).count).to eq(0)
    expect(reminders_for(client).count).to eq(0)
  end

  it "sends nothing once the appointment has started" do
    freeze_time Time.utc(2026, 12, 4, 16, 1)
    described_class.new.execute({})
    expect(reminders_for(client).count).to eq(0)
  end
end
