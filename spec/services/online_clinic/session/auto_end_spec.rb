# frozen_string_literal: true

RSpec.describe OnlineClinic::Session::AutoEnd do
  fab!(:therapist, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:) }

  subject(:result) { described_class.call(params: { session_id: session.id }) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    SiteSetting.online_clinic_session_grace_minutes = 15
  end

  let(:started_at) { Time.utc(2026, 12, 4, 18) }
  let(:session) do
    Fabricate(
      :online_clinic_session,
      clinic:,
      started_at_ms: OnlineClinic::SessionState.to_ms(started_at),
    )
  end

  it "ends a forgotten session at its end plus grace, marked unattended" do
    freeze_time started_at + 2.hours
    expect(result).to run_successfully
    session.reload
    expect(session.ended_reason).to eq("auto_ended_unattended")
    expect(session.ended_at).to eq_time(started_at + 65.minutes)
    expect(session.summary["ended_reason"]).to eq("auto_ended_unattended")
    expect(clinic.audit_entries.last.action).to eq("session_ended")
    expect(clinic.audit_entries.last.actor_id).to be_nil
  end

  it "leaves a session inside its grace period alone" do
    freeze_time started_at + 60.minutes
    expect(result).to fail_a_step(:apply)
    expect(session.reload.state).to eq("running")
  end
end
