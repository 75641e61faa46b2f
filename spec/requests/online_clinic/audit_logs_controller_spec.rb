# frozen_string_literal: true

RSpec.describe OnlineClinic::AuditLogsController do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    OnlineClinic::AuditEntry.append!(clinic, action: :clinic_opened, actor_id: therapist.id)
  end

  it "shows the log and its verification to a client" do
    sign_in(client)
    get "/online-clinic/clinics/#{clinic.id}/audit-log.json"
    expect(response.status).to eq(200)
    expect(response.parsed_body["entries"].map { |e| e["action"] }).to eq(["clinic_opened"])
    expect(response.parsed_body["verification"]).to eq("valid" => true, "broken_at_seq" => nil)
    expect(response.parsed_body["entries"].first["created_at"]).to match(
      /\A\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z\z/,
    )
  end

  it "answers 404 to a non-member" do
    sign_in(outsider)
    get "/online-clinic/clinics/#{clinic.id}/audit-log.json"
    expect(response.status).to eq(404)
  end
end
