# frozen_string_literal: true

RSpec.describe Jobs::OnlineClinic::AutoEndSessions do
  fab!(:therapist, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:) }
  fab!(:other_clinic) { Fabricate(:online_clinic, therapist:) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  it "ends only sessions past their time plus the grace period" do
    freeze_time Time.utc(2026, 12, 4, 20)
    old = Fabricate(:online_clinic_session, clinic:, started_at_ms: 3.hours.ago.to_i * 1000)
    fresh =
      Fabricate(
        :online_clinic_session,
        clinic: other_clinic,
        started_at_ms: 10.minutes.ago.to_i * 1000,
      )
    described_class.new.execute({})
    expect(old.reload.ended_reason).to eq("auto_ended_unattended")
    expect(fresh.reload.state).to eq("running")
  end
end
