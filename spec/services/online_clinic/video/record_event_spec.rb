# frozen_string_literal: true

RSpec.describe OnlineClinic::Video::RecordEvent do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params:, guardian: client.guardian) }

  let(:params) { { clinic_id: clinic.id, event: "joined" } }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  it "records who joined, when, and in which open session" do
    freeze_time Time.utc(2026, 12, 11, 10)
    session = Fabricate(:online_clinic_session, clinic:)
    expect(result).to run_successfully
    expect(OnlineClinic::VideoEvent.last).to have_attributes(
      clinic_id: clinic.id,
      user_id: client.id,
      event: "joined",
      session_id: session.id,
      created_at: Time.utc(2026, 12, 11, 10),
    )
  end

  it "does not tie an event to a session that has ended" do
    session = Fabricate(:online_clinic_session, clinic:)
    OnlineClinic::Session::End.call(
      params: {
        session_id: session.id,
      },
      guardian: therapist.guardian,
    )
    expect(result).to run_successfully
    expect(OnlineClinic::VideoEvent.last.session_id).to be_nil
  end

  it "publishes video_changed to the clinic's group only" do
    messages = MessageBus.track_publish { result }
    video_messages =
      messages.select do |message|
        message.data.is_a?(Hash) && message.data[:type] == "video_changed"
      end
    expect(video_messages.map(&:channel)).to eq([clinic.message_bus_channel])
    expect(video_messages.first.group_ids).to eq([clinic.group_id])
    expect(video_messages.first.user_ids).to be_blank
  end

  context "with an unknown event" do
    let(:params) { { clinic_id: clinic.id, event: "recording" } }

    it "fails the contract and records nothing" do
      expect(result).to fail_a_contract
      expect(OnlineClinic::VideoEvent.count).to eq(0)
    end
  end

  context "with someone outside the clinic" do
    subject(:result) { described_class.call(params:, guardian: Fabricate(:user).guardian) }

    it "fails the policy as not found" do
      expect(result).to fail_a_policy(:can_act)
      expect(result[:denial]).to eq(:not_found)
    end
  end
end
