# frozen_string_literal: true

RSpec.describe CurrentUserSerializer do
  fab!(:therapists_group, :group)
  fab!(:therapist) { Fabricate(:user).tap { |user| therapists_group.add(user) } }
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    SiteSetting.online_clinic_therapists_group = therapists_group.id.to_s
  end

  def serialize(user)
    described_class.new(user, scope: Guardian.new(user), root: false).as_json
  end

  it "gives a client their clinic for the sidebar's My clinic section" do
    json = serialize(client)
    expect(json[:online_clinics]).to contain_exactly(
      { id: clinic.id, name: clinic.name, url: clinic.category.url, role: "client" },
    )
    expect(json[:can_open_online_clinic]).to eq(false)
  end

  it "tells a therapist they may open clinics" do
    json = serialize(therapist)
    expect(json[:online_clinics].map { |c| c[:role] }).to eq(["therapist"])
    expect(json[:can_open_online_clinic]).to eq(true)
  end

  it "gives anyone else no clinic at all" do
    json = serialize(outsider)
    expect(json[:online_clinics]).to eq([])
    expect(json[:can_open_online_clinic]).to eq(false)
  end
end
