# frozen_string_literal: true

RSpec.describe OnlineClinic::Folder::Reorder do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params:, guardian: therapist.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    OnlineClinic::Folder.ensure_defaults!(clinic)
  end

  let(:ids) { OnlineClinic::Folder.where(clinic_id: clinic.id).ordered.pluck(:id) }
  let(:params) { { clinic_id: clinic.id, folder_ids: [ids.last, *ids[0..-2]] } }

  it "moves the last folder to the front" do
    expect(result).to run_successfully
    expect(OnlineClinic::Folder.where(clinic_id: clinic.id).ordered.pluck(:id)).to eq(
      [ids.last, *ids[0..-2]],
    )
  end

  context "when a folder is missing from the list" do
    let(:params) { { clinic_id: clinic.id, folder_ids: ids.drop(1) } }

    it { is_expected.to fail_a_step(:apply) }
  end

  context "when the list holds a folder of another clinic" do
    let(:params) do
      other = Fabricate(:online_clinic)
      OnlineClinic::Folder.ensure_defaults!(other)
      {
        clinic_id: clinic.id,
        folder_ids: ids + [OnlineClinic::Folder.find_by(clinic_id: other.id).id],
      }
    end

    it { is_expected.to fail_a_policy(:folders_in_clinic) }
  end
end
