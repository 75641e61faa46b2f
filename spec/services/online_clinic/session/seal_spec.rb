# frozen_string_literal: true

# When a session ends, by the therapist or automatically, its record is sealed into the chain.
RSpec.describe OnlineClinic::SessionSeal do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let(:session) { Fabricate(:online_clinic_session, clinic:, mode: "written") }
  let!(:session_post) do
    session
    topic = Fabricate(:topic, category: clinic.category, user: client)
    post = Fabricate(:post, topic:, user: client, raw: "In the session")
    OnlineClinic::SessionPost.link(post)
    post
  end

  it "seals the session when the therapist ends it" do
    result =
      OnlineClinic::Session::End.call(
        params: {
          session_id: session.id,
        },
        guardian: Guardian.new(therapist),
      )
    expect(result).to run_successfully

    seal = described_class.find_by(session_id: session.id)
    expected = OnlineClinic::RecordSource.digest_for_session(session.id)
    expect(seal.digest).to eq(expected.hex)
    expect(seal.items.map { |item| [item["kind"], item["id"]] }).to eq([["post", session_post.id]])

    entry = clinic.audit_entries.last
    expect(entry.action).to eq("session_sealed")
    expect(entry.seq).to eq(seal.audit_seq)
    expect(entry.details).to eq(
      "session_id" => session.id,
      "number" => session.number,
      "digest" => seal.digest,
      "item_count" => 1,
    )
    expect(OnlineClinic::AuditEntry.verify(clinic.audit_entries.to_a).valid).to eq(true)
  end

  it "seals a session the server ends unattended" do
    session.update!(started_at_ms: OnlineClinic::SessionState.to_ms(3.hours.ago))
    expect(OnlineClinic::Session::AutoEnd.call(params: { session_id: session.id })).to(
      run_successfully,
    )
    expect(described_class.exists?(session_id: session.id)).to eq(true)
    expect(clinic.audit_entries.last.action).to eq("session_sealed")
  end

  it "changes the digest when a revision is made" do
    before = OnlineClinic::RecordSource.digest_for_session(session.id).hex
    session_post.revise(client, { raw: "In the session, said otherwise" }, force_new_version: true)
    expect(OnlineClinic::RecordSource.digest_for_session(session.id).hex).not_to eq(before)
  end
end
