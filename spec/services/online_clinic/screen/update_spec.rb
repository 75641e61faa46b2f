# frozen_string_literal: true

RSpec.describe OnlineClinic::Screen::Update do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params: { clinic_id: clinic.id }, guardian:, payload:) }

  let(:guardian) { client.guardian }
  let(:payload) do
    { "item" => { "kind" => "page", "url" => "https://example.com/a" }, "reading" => nil }
  end

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  def stored_state
    OnlineClinic::ScreenStateRecord.find_by(clinic_id: clinic.id)&.state
  end

  it "stores the next state with the sender as leader, on a row made on first use" do
    expect(result).to run_successfully
    expect(stored_state).to include("seq" => 1, "leader_id" => client.id)
    expect(stored_state["item"]).to eq("kind" => "page", "url" => "https://example.com/a")

    again = described_class.call(params: { clinic_id: clinic.id }, guardian:, payload:)
    expect(again).to run_successfully
    expect(stored_state["seq"]).to eq(2)
    expect(OnlineClinic::ScreenStateRecord.where(clinic_id: clinic.id).count).to eq(1)
  end

  it "publishes the serialized state to the clinic's group" do
    messages = MessageBus.track_publish(clinic.message_bus_channel) { result }
    expect(messages.map(&:group_ids)).to eq([[clinic.group_id]])
    expect(messages.first.data[:type]).to eq("screen_state")
    expect(messages.first.data[:state]["seq"]).to eq(1)
  end

  it "records the item that began to be shown" do
    expect { result }.to change { OnlineClinic::ScreenShow.count }.by(1)
    expect(OnlineClinic::ScreenShow.last).to have_attributes(
      user_id: client.id,
      item_kind: "page",
      url: "https://example.com/a",
      session_id: nil,
    )
  end

  context "when another member leads" do
    before do
      described_class.call(params: { clinic_id: clinic.id }, guardian: therapist.guardian, payload:)
    end

    it "fails with not_leader and leaves the state and the timeline as they were" do
      expect(result).to fail_a_step(:check_outcome)
      expect(result["result.step.check_outcome"].error).to eq(:not_leader)
      expect(stored_state).to include("seq" => 1, "leader_id" => therapist.id)
      expect(OnlineClinic::ScreenShow.count).to eq(1)
    end

    it "takes over a lead that timed out, storing the release too" do
      freeze_time 31.seconds.from_now
      expect(result).to run_successfully
      # The release (seq 2) and the new picture (seq 3) are one stored step.
      expect(stored_state).to include("seq" => 3, "leader_id" => client.id)
    end
  end

  context "when the URL policy refuses the address" do
    let(:payload) { { "item" => { "kind" => "page", "url" => "file:///etc/passwd" } } }

    it "fails with the policy's reason and stores nothing new" do
      expect(result).to fail_a_step(:check_outcome)
      expect(result[:outcome].error).to eq(:url_not_allowed)
      expect(result[:outcome].detail).to eq(:scheme_not_allowed)
      expect(stored_state["seq"]).to eq(0)
    end
  end

  context "when the document is not a file of this clinic" do
    let(:payload) { { "item" => { "kind" => "document", "document_id" => Fabricate(:upload).id } } }

    it { is_expected.to fail_a_policy(:item_in_clinic) }
  end

  context "when the sender is not a member" do
    let(:guardian) { Fabricate(:user).guardian }

    it "fails as not found and makes no row" do
      expect(result).to fail_a_policy(:can_act)
      expect(result[:denial]).to eq(:not_found)
      expect(stored_state).to be_nil
    end
  end

  context "when the clinic is archived" do
    before { clinic.update!(status: "archived") }

    it "fails as archived" do
      expect(result).to fail_a_policy(:can_act)
      expect(result[:denial]).to eq(:archived)
    end
  end
end
