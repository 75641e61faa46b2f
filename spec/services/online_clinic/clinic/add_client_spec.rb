# frozen_string_literal: true

RSpec.describe OnlineClinic::Clinic::AddClient do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params:, guardian: therapist.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  fab!(:partner, :user)

  let(:params) { { clinic_id: clinic.id, username: partner.username } }

  it { is_expected.to run_successfully }

  it "adds the user to the clinic's group as a client" do
    result
    expect(clinic.reload.member_roles[partner.id]).to eq(:client)
    expect(clinic.group.users).to include(partner)
    expect(clinic.audit_entries.last.action).to eq("client_added")
  end

  context "when the username is unknown" do
    let(:params) { { clinic_id: clinic.id, username: "no_such_user" } }

    it { is_expected.to fail_a_step(:validate_input) }
  end

  context "when the clinic is archived" do
    before { clinic.update!(status: "archived") }

    it { is_expected.to fail_a_policy(:can_act) }
  end

  context "when a client tries it" do
    subject(:result) { described_class.call(params:, guardian: client.guardian) }

    it { is_expected.to fail_a_policy(:can_act) }
  end
end
