# frozen_string_literal: true

RSpec.describe OnlineClinic::Folder::FileNewTopic do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }
  fab!(:poems) { Fabricate(:online_clinic_folder, clinic:, name: "My poems") }
  fab!(:topic) { Fabricate(:topic, category: clinic.category, user: client) }

  subject(:result) { described_class.call(params:, guardian: client.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let(:params) { { topic_id: topic.id, folder_id: poems.id } }

  it "files the topic and tells the clinic's members" do
    messages = MessageBus.track_publish(clinic.message_bus_channel) { result }
    expect(result).to run_successfully
    expect(OnlineClinic::FolderItem.find_by(topic_id: topic.id).folder_id).to eq(poems.id)
    expect(messages.map { |message| message.data[:type] }).to eq(["folders_changed"])
  end

  context "when the folder belongs to another clinic" do
    let(:params) do
      {
        topic_id: topic.id,
        folder_id: Fabricate(:online_clinic_folder, clinic: Fabricate(:online_clinic)).id,
      }
    end

    it "leaves the topic unfiled" do
      expect(result).to fail_to_find_a_model(:folder)
      expect(OnlineClinic::FolderItem.exists?(topic_id: topic.id)).to eq(false)
    end
  end

  context "when the clinic is archived" do
    before { clinic.update!(status: "archived") }

    it { is_expected.to fail_a_policy(:can_act) }
  end
end
