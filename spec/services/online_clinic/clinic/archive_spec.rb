# frozen_string_literal: true

RSpec.describe OnlineClinic::Clinic::Archive do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params:, guardian: therapist.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let(:params) { { clinic_id: clinic.id } }

  it "makes the category read-only for the clinic's group and deletes nothing" do
    topic = Fabricate(:topic, category: clinic.category)
    expect(result).to run_successfully
    expect(clinic.category.reload.category_groups.pluck(:permission_type)).to eq(
      [CategoryGroup.permission_types[:readonly]],
    )
    expect(clinic.reload.status).to eq("archived")
    expect(Topic.exists?(topic.id)).to eq(true)
    expect(Guardian.new(client).can_see_topic?(topic)).to eq(true)
    expect(Guardian.new(client).can_create_post?(topic)).to eq(false)
  end

  it "cancels the appointments still ahead, so nobody is reminded of them" do
    Fabricate(:online_clinic_schedule, clinic:)
    expect(OnlineClinic::Appointment.where(clinic_id: clinic.id).count).to eq(1)
    expect(result).to run_successfully
    expect(OnlineClinic::Appointment.where(clinic_id: clinic.id).count).to eq(0)
  end

  it "can be reopened" do
    result
    reopened = OnlineClinic::Clinic::Reopen.call(params:, guardian: therapist.guardian)
    expect(reopened).to run_successfully
    expect(clinic.reload.status).to eq("open")
    expect(clinic.audit_entries.pluck(:action).last(2)).to eq(%w[clinic_archived clinic_reopened])
  end
end
