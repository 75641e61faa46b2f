# frozen_string_literal: true

RSpec.describe OnlineClinic::Folder::Create do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params:, guardian: client.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let(:params) { { clinic_id: clinic.id, name: " Dreams\u00a0and  nightmares " } }

  it "seeds the default folders and adds the new one after them, its name normalized" do
    expect(result).to run_successfully
    folders = OnlineClinic::Folder.where(clinic_id: clinic.id).ordered
    expect(folders.map(&:display_name)).to eq(
      ["Documents", "Letters", "Poems", "Videos", "Links", "Dreams and nightmares"],
    )
  end

  context "when another folder shows the same name" do
    let(:params) { { clinic_id: clinic.id, name: "VIDEOS" } }

    it { is_expected.to fail_a_step(:apply) }
  end

  context "when the clinic is archived" do
    before { clinic.update!(status: "archived") }

    it { is_expected.to fail_a_policy(:can_act) }
  end
end
