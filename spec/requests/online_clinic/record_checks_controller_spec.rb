# frozen_string_literal: true

RSpec.describe OnlineClinic::RecordChecksController do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let!(:post_in_session) do
    session = Fabricate(:online_clinic_session, clinic:, mode: "written")
    topic = Fabricate(:topic, category: clinic.category, user: client)
    Fabricate(:post, topic:, user: client, raw: "What I said in the session")
    OnlineClinic::SessionPost.link(topic.first_post)
    OnlineClinic::Session::End.call(
      params: {
        session_id: session.id,
      },
      guardian: Guardian.new(therapist),
    )
    topic.first_post
  end

  def check
    get "/online-clinic/clinics/#{clinic.id}/record-check.json"
    response.parsed_body
  end

  it "tells a member that the chain verifies and the sealed session is intact" do
    sign_in(client)
    body = check
    expect(response.status).to eq(200)
    expect(body["chain"]).to eq("valid" => true, "broken_at_seq" => nil)
    expect(body["sessions"].size).to eq(1)
    expect(body["sessions"].first).to include("status" => "intact", "differences" => [])
  end

  it "names the post changed behind Discourse's back" do
    post_in_session.update_column(:raw, "Something I never said")
    sign_in(client)
    session_check = check["sessions"].first
    expect(session_check["status"]).to eq("changed")
    expect(session_check["differences"]).to eq(
      [{ "kind" => "post", "id" => post_in_session.id, "change" => "changed" }],
    )
  end

  it "names the first broken entry of an altered chain" do
    entry = clinic.audit_entries.first
    OnlineClinic::AuditEntry.where(id: entry.id).update_all(details: { "name" => "forged" })
    sign_in(client)
    expect(check["chain"]).to eq("valid" => false, "broken_at_seq" => entry.seq)
  end

  it "answers 404 to a non-member" do
    sign_in(outsider)
    get "/online-clinic/clinics/#{clinic.id}/record-check.json"
    expect(response.status).to eq(404)
  end
end
