# frozen_string_literal: true

RSpec.describe OnlineClinic::Folder::Destroy do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }
  fab!(:folder) { Fabricate(:online_clinic_folder, clinic:) }

  subject(:result) { described_class.call(params:, guardian: client.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let(:params) { { folder_id: folder.id } }

  context "when the folder is empty" do
    before { OnlineClinic::Folder.ensure_defaults!(clinic) }

    it "deletes it" do
      expect(result).to run_successfully
      expect(OnlineClinic::Folder.exists?(folder.id)).to eq(false)
    end
  end

  context "when the folder holds an item" do
    before do
      OnlineClinic::Folder.ensure_defaults!(clinic)
      Fabricate(:online_clinic_folder_item, folder:)
    end

    it "keeps the folder and its item" do
      expect(result).to fail_a_step(:apply)
      expect(OnlineClinic::FolderItem.where(folder_id: folder.id).count).to eq(1)
    end
  end

  context "when only a deleted topic is filed there" do
    before do
      OnlineClinic::Folder.ensure_defaults!(clinic)
      Fabricate(:online_clinic_folder_item, folder:).topic.trash!
    end

    it "deletes the folder; the topic, if restored, comes back unfiled" do
      expect(result).to run_successfully
      expect(OnlineClinic::FolderItem.where(folder_id: folder.id).count).to eq(0)
    end
  end

  context "when it is the clinic's only visible folder" do
    it { is_expected.to fail_a_step(:apply) }
  end
end
