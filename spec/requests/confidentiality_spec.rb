# frozen_string_literal: true

# Every surface of a clinic answers a non-member as if the clinic did not exist.
RSpec.describe "Clinic confidentiality" do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:other_clinic_client, :user)
  fab!(:moderator)
  fab!(:admin)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }
  fab!(:other_clinic) { Fabricate(:online_clinic, clients: [other_clinic_client]) }
  fab!(:topic) { Fabricate(:topic, category: clinic.category, title: "About my nightmares again") }
  fab!(:post) { Fabricate(:post, topic:, user: client, raw: "zebraquiet secret words") }
  fab!(:public_topic, :topic)

  let(:non_members) { [outsider, other_clinic_client, moderator, admin] }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    SearchIndexer.enable
    SearchIndexer.index(post, force: true)
  end

  def expect_not_found_for_non_members(path)
    non_members.each do |user|
      sign_in(user)
      get path
      expect(response.status).to eq(404), "#{path} gave #{response.status} to #{user.username}"
    end
  end

  it "hides the category list and category page" do
    expect_not_found_for_non_members("/c/#{clinic.category.slug}/#{clinic.category_id}.json")
    expect_not_found_for_non_members("/c/#{clinic.category_id}/show.json")
  end

  it "hides the topic as JSON and HTML" do
    expect_not_found_for_non_members("/t/#{topic.id}.json")
    expect_not_found_for_non_members("/t/#{topic.slug}/#{topic.id}")
  end

  it "hides posts, raw and print" do
    expect_not_found_for_non_members("/posts/#{post.id}.json")
    expect_not_found_for_non_members("/raw/#{topic.id}/1")
    expect_not_found_for_non_members("/t/#{topic.id}/print")
  end

  it "lets the clinic's members in" do
    [therapist, client].each do |user|
      sign_in(user)
      get "/t/#{topic.id}.json"
      expect(response.status).to eq(200)
    end
  end

  it "keeps clinic posts out of search" do
    non_members.each do |user|
      sign_in(user)
      get "/search.json", params: { q: "zebraquiet" }
      expect(response.parsed_body["posts"]).to be_blank
    end
  end

  it "keeps clinic topics out of suggested topics and latest" do
    non_members.each do |user|
      sign_in(user)
      get "/t/#{public_topic.id}.json"
      suggested = response.parsed_body["suggested_topics"].to_a.map { |t| t["id"] }
      expect(suggested).not_to include(topic.id)
      get "/latest.json"
      expect(response.parsed_body.dig("topic_list", "topics").map { |t| t["id"] }).not_to include(
        topic.id,
      )
    end
  end

  it "keeps clinic posts out of the client's activity stream" do
    UserActionManager.enable
    Fabricate(:post, topic:, user: client, raw: "another zebraquiet post")
    non_members.each do |user|
      sign_in(user)
      get "/user_actions.json", params: { username: client.username, filter: "4,5" }
      topic_ids = response.parsed_body["user_actions"].map { |action| action["topic_id"] }
      expect(topic_ids).not_to include(topic.id)
    end
  end

  it "does not serve a clinic's secure upload" do
    setup_s3
    SiteSetting.secure_uploads = true
    upload = Fabricate(:secure_upload_s3, access_control_post: post)
    non_members.each do |user|
      sign_in(user)
      get URI(Upload.secure_uploads_url_from_upload_url(upload.url)).path
      # Core's secure-upload endpoint may answer 403: the file stays unserved either way.
      expect(response.status).to eq(404).or eq(403)
    end
  end

  it "publishes a clinic topic's live updates to the clinic's group only" do
    messages =
      MessageBus.track_publish("/topic/#{topic.id}") { post.publish_change_to_clients!(:revised) }
    expect(messages.map(&:group_ids).uniq).to eq([[clinic.group_id]])
  end

  describe "lists built from topic ids and scopes" do
    it "drops clinic topics from an admin's visible topic ids in strict mode" do
      guardian = Guardian.new(admin)
      expect(guardian.can_see_topic_ids(topic_ids: [topic.id, public_topic.id])).to eq(
        [public_topic.id],
      )
    end

    it "drops clinic topics from the scopes core leaves untouched for admins" do
      scope =
        Guardian.new(admin).filter_allowed_categories(Topic.where(id: [topic.id, public_topic.id]))
      expect(scope.pluck(:id)).to eq([public_topic.id])
    end

    it "keeps clinic topics in the member's own lists" do
      guardian = Guardian.new(client)
      expect(guardian.can_see_topic_ids(topic_ids: [topic.id])).to eq([topic.id])
    end
  end

  it "keeps flags in a clinic out of the admin's and moderators' review queue" do
    SiteSetting.enable_category_group_moderation = true
    CategoryModerationGroup.create!(category: clinic.category, group: clinic.moderation_group)
    reviewable =
      PostActionCreator.spam(client, Fabricate(:post, topic:, user: therapist)).reviewable

    [admin, moderator, outsider].each do |user|
      expect(Reviewable.viewable_by(user)).not_to include(reviewable)
    end
    expect(Reviewable.viewable_by(therapist)).to include(reviewable)
  end

  context "when strict confidentiality is off" do
    before { SiteSetting.online_clinic_strict_confidentiality = false }

    it "lets an admin read the topic and writes the access to the audit log once" do
      sign_in(admin)
      get "/t/#{topic.id}.json"
      get "/t/#{topic.id}.json"
      expect(response.status).to eq(200)
      expect(
        clinic.audit_entries.where(action: "non_member_access", actor_id: admin.id).count,
      ).to eq(1)
    end

    it "still keeps moderators out" do
      sign_in(moderator)
      get "/t/#{topic.id}.json"
      expect(response.status).to eq(404)
    end
  end
end
