# frozen_string_literal: true

RSpec.describe OnlineClinic::Clinic::RemoveClient do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params:, guardian: therapist.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let(:params) { { clinic_id: clinic.id, user_id: client.id } }

  context "when it is the last client" do
    it { is_expected.to fail_a_step(:validate_input) }

    it "keeps the client in the clinic" do
      result
      expect(clinic.reload.member_roles[client.id]).to eq(:client)
    end
  end

  context "when another client remains" do
    fab!(:partner, :user)

    before do
      clinic.group.add(partner)
      OnlineClinic::Membership.create!(clinic:, user: partner, role: "client")
    end

    it "removes the client from the clinic and its group, keeping their posts" do
      expect(result).to run_successfully
      expect(clinic.reload.member_roles).not_to have_key(client.id)
      expect(clinic.group.users).not_to include(client)
      expect(clinic.audit_entries.last.action).to eq("client_removed")
    end
  end
end
