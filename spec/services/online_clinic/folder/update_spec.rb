# frozen_string_literal: true

RSpec.describe OnlineClinic::Folder::Update do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params:, guardian: client.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    OnlineClinic::Folder.ensure_defaults!(clinic)
  end

  let(:folders) { OnlineClinic::Folder.where(clinic_id: clinic.id).ordered.to_a }
  let(:params) { { folder_id: folders.first.id, name: "Papers" } }

  it "renames the folder and leaves it shown" do
    expect(result).to run_successfully
    expect(folders.first.reload).to have_attributes(name: "Papers", hidden: false)
  end

  context "when hiding the last visible folder" do
    let(:params) { { folder_id: folders.last.id, hidden: true } }

    before { folders[0..-2].each { |folder| folder.update!(hidden: true) } }

    it { is_expected.to fail_a_step(:apply) }
  end

  context "when the folder belongs to a clinic the user is not in" do
    let(:params) do
      other = Fabricate(:online_clinic)
      OnlineClinic::Folder.ensure_defaults!(other)
      { folder_id: OnlineClinic::Folder.find_by(clinic_id: other.id).id, name: "Mine" }
    end

    it { is_expected.to fail_a_policy(:can_act) }
  end
end
