# frozen_string_literal: true

RSpec.describe OnlineClinic::Folder::MoveItem do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }
  fab!(:letters) { Fabricate(:online_clinic_folder, clinic:, name: "Letters to my father") }
  fab!(:topic) { Fabricate(:topic, category: clinic.category) }

  subject(:result) { described_class.call(params:, guardian: client.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let(:params) { { topic_id: topic.id, folder_id: letters.id } }

  it "files the topic in the folder" do
    expect(result).to run_successfully
    expect(OnlineClinic::FolderItem.find_by(topic_id: topic.id).folder_id).to eq(letters.id)
  end

  context "when the folder belongs to another clinic" do
    let(:params) do
      {
        topic_id: topic.id,
        folder_id: Fabricate(:online_clinic_folder, clinic: Fabricate(:online_clinic)).id,
      }
    end

    it { is_expected.to fail_a_policy(:folder_in_clinic) }
  end

  context "when the topic is not in a clinic" do
    let(:params) { { topic_id: Fabricate(:topic).id, folder_id: letters.id } }

    it { is_expected.to fail_to_find_a_model(:clinic) }
  end
end
