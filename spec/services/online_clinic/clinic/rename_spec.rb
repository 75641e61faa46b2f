# frozen_string_literal: true

RSpec.describe OnlineClinic::Clinic::Rename do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params:, guardian: client.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let(:params) { { clinic_id: clinic.id, name: "My safe place" } }

  it "lets a client rename their clinic and its category" do
    expect(result).to run_successfully
    expect(clinic.reload.name).to eq("My safe place")
    expect(clinic.category.reload.name).to eq("My safe place")
    expect(clinic.audit_entries.last.details).to include("to" => "My safe place")
  end

  context "when the name is blank" do
    let(:params) { { clinic_id: clinic.id, name: "   " } }

    it { is_expected.to fail_a_step(:validate_input) }
  end
end
