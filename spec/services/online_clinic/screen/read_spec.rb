# frozen_string_literal: true

RSpec.describe OnlineClinic::Screen::Read do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) do
    described_class.call(params: { clinic_id: clinic.id }, guardian: client.guardian)
  end

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  it "gives the initial state and publishes nothing when nothing was shown" do
    messages = MessageBus.track_publish(clinic.message_bus_channel) { result }
    expect(result).to run_successfully
    expect(result[:outcome].state).to eq(OnlineClinic::ScreenState.initial)
    expect(messages).to be_empty
  end

  it "releases and stores a lead silent for 30 seconds, once" do
    OnlineClinic::Screen::TakeLead.call(
      params: {
        clinic_id: clinic.id,
      },
      guardian: therapist.guardian,
    )
    freeze_time 31.seconds.from_now

    messages = MessageBus.track_publish(clinic.message_bus_channel) { result }
    expect(result[:outcome].state["leader_id"]).to be_nil
    expect(messages.length).to eq(1)

    again = nil
    messages =
      MessageBus.track_publish(clinic.message_bus_channel) do
        again = described_class.call(params: { clinic_id: clinic.id }, guardian: client.guardian)
      end
    expect(again[:outcome].state["seq"]).to eq(result[:outcome].state["seq"])
    expect(messages).to be_empty
  end

  it "reads an archived clinic's screen" do
    clinic.update!(status: "archived")
    expect(result).to run_successfully
  end
end
