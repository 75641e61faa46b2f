# frozen_string_literal: true

RSpec.describe OnlineClinic::TimelinesController do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:admin)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  let(:base) { Time.utc(2026, 12, 1, 10) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  def timeline(params = {})
    get "/online-clinic/clinics/#{clinic.id}/timeline.json", params: params
  end

  # One entry of every kind, a minute apart, in this order.
  def build_history
    freeze_time(base)
    OnlineClinic::AuditEntry.append!(
      clinic,
      action: :clinic_opened,
      actor_id: therapist.id,
      details: {
        name: "Clinic",
        kind: "individual",
      },
    )
    freeze_time(base + 1.minute)
    OnlineClinic::AuditEntry.append!(
      clinic,
      action: :client_added,
      actor_id: therapist.id,
      details: {
        username: client.username,
      },
    )
    freeze_time(base + 2.minutes)
    session =
      Fabricate(
        :online_clinic_session,
        clinic:,
        started_at_ms: OnlineClinic::SessionState.to_ms(base + 2.minutes),
      )
    freeze_time(base + 3.minutes)
    topic = Fabricate(:topic, category: clinic.category, user: client, title: "A letter I wrote")
    Fabricate(:post, topic:, user: client, raw: "Dear **father**, <b>this</b> is plain text now")
    OnlineClinic::SessionPost.link(topic.first_post)
    freeze_time(base + 4.minutes)
    reply = Fabricate(:post, topic:, user: therapist, raw: "Thank you for writing this.")
    freeze_time(base + 5.minutes)
    folder = Fabricate(:online_clinic_folder, clinic:)
    OnlineClinic::FolderItem.create!(folder:, topic:)
    freeze_time(base + 6.minutes)
    OnlineClinic::ScreenShow.create!(
      clinic_id: clinic.id,
      user_id: therapist.id,
      session_id: session.id,
      item_kind: "page",
      url: "https://example.com/exercise",
    )
    freeze_time(base + 7.minutes)
    OnlineClinic::VideoEvent.create!(clinic:, user: therapist, event: "joined", session:)
    freeze_time(base + 8.minutes)
    OnlineClinic::VideoEvent.create!(clinic:, user: client, event: "joined", session:)
    freeze_time(base + 37.minutes)
    OnlineClinic::VideoEvent.create!(clinic:, user: client, event: "left", session:)
    OnlineClinic::VideoEvent.create!(clinic:, user: therapist, event: "left", session:)
    freeze_time(base + 40.minutes)
    { session:, topic:, reply: }
  end

  it "shows a member every kind of entry, oldest first" do
    history = build_history
    sign_in(client)
    timeline
    expect(response.status).to eq(200)
    entries = response.parsed_body["entries"]
    expect(entries.map { |entry| entry["kind"] }).to eq(
      %w[clinic membership session topic post folder_item screen video_call],
    )
    expect(response.parsed_body["next_cursor"]).to be_nil

    topic_entry = entries.find { |entry| entry["kind"] == "topic" }
    expect(topic_entry["data"]["title"]).to eq("A letter I wrote")
    expect(topic_entry["data"]["excerpt"]).to include("Dear father")
    expect(topic_entry["data"]["excerpt"]).not_to include("<")
    expect(topic_entry["session_number"]).to eq(history[:session].number)

    post_entry = entries.find { |entry| entry["kind"] == "post" }
    expect(post_entry["key"]).to eq("post-#{history[:reply].id}")
    expect(post_entry["data"]["deleted"]).to be_nil
    expect(post_entry["actor"]["username"]).to eq(therapist.username)

    call = entries.find { |entry| entry["kind"] == "video_call" }
    expect(call["data"]["duration_seconds"]).to eq(30 * 60)
    expect(call["data"]["participants"].map { |user| user["id"] }).to eq([therapist.id, client.id])
    expect(entries.first["at"]).to eq("2026-12-01T10:00:00.000Z")
  end

  it "keeps a deleted reply in its place, marked, without its text" do
    history = build_history
    PostDestroyer.new(therapist, history[:reply]).destroy
    sign_in(client)
    timeline(kinds: "post")
    entry = response.parsed_body["entries"].first
    expect(entry["data"]["excerpt"]).to eq("")
    expect(entry["data"]["deleted"]["by"]["id"]).to eq(therapist.id)
  end

  it "keeps a deleted topic and its replies in their place, marked, without the topic's text" do
    history = build_history
    history[:topic].trash!(therapist)
    sign_in(client)
    timeline(kinds: "topic,post")
    entries = response.parsed_body["entries"]
    expect(entries.map { |entry| entry["kind"] }).to eq(%w[topic post])
    topic_entry = entries.first
    expect(topic_entry["data"]["excerpt"]).to eq("")
    expect(topic_entry["data"]["deleted"]["by"]["id"]).to eq(therapist.id)
    expect(topic_entry["data"]["deleted"]["at"]).to be_present
  end

  it "pages with the cursor without losing or repeating an entry" do
    build_history
    sign_in(client)
    timeline(limit: 3)
    first = response.parsed_body
    expect(first["entries"].size).to eq(3)
    expect(first["next_cursor"]).to be_present

    timeline(limit: 3, cursor: first["next_cursor"])
    second = response.parsed_body
    timeline(limit: 3, cursor: second["next_cursor"])
    third = response.parsed_body
    expect(third["next_cursor"]).to be_nil

    keys = [first, second, third].flat_map { |page| page["entries"].map { |entry| entry["key"] } }
    expect(keys.size).to eq(8)
    expect(keys.uniq.size).to eq(8)
  end

  it "filters by kind and jumps to a date" do
    build_history
    sign_in(client)
    timeline(kinds: "session,video_call")
    expect(response.parsed_body["entries"].map { |entry| entry["kind"] }).to eq(
      %w[session video_call],
    )

    timeline(from: (base + 5.minutes).iso8601)
    expect(response.parsed_body["entries"].map { |entry| entry["kind"] }).to eq(
      %w[folder_item screen video_call],
    )
  end

  it "refuses a cursor it did not give, and an unknown kind, with 422" do
    sign_in(client)
    timeline(cursor: "not-a-cursor")
    expect(response.status).to eq(422)
    expect(response.parsed_body["error_type"]).to eq("invalid_cursor")
    expect(response.parsed_body["errors"].first).to eq(
      I18n.t("online_clinic.record.errors.invalid_cursor"),
    )

    timeline(kinds: "post,secrets")
    expect(response.status).to eq(422)
    expect(response.parsed_body["error_type"]).to eq("invalid_kinds")
  end

  it "answers an empty clinic with no entries" do
    sign_in(therapist)
    timeline
    expect(response.parsed_body).to eq("entries" => [], "next_cursor" => nil)
  end

  it "answers 404 to a non-member, an admin included" do
    SiteSetting.online_clinic_strict_confidentiality = false
    [outsider, admin].each do |user|
      sign_in(user)
      timeline
      expect(response.status).to eq(404)
    end
  end
end
