# frozen_string_literal: true

# In a clinic the record stays whole: every member reads every post's history, no revision can be
# hidden, nobody hard-deletes, and a deletion leaves a marker in the topic.
RSpec.describe "Visible edits in a clinic" do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:admin)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }
  fab!(:topic) { Fabricate(:topic, category: clinic.category, user: therapist) }
  fab!(:first_post) { Fabricate(:post, topic:, user: therapist) }
  fab!(:reply) { Fabricate(:post, topic:, user: therapist, raw: "A reply I will edit") }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    SiteSetting.edit_history_visible_to_public = false
  end

  it "lets the client read the edit history of the therapist's post" do
    expect(Guardian.new(client).can_view_edit_history?(reply)).to eq(true)
  end

  it "keeps core's answer outside clinics" do
    public_post = Fabricate(:post)
    expect(Guardian.new(client).can_view_edit_history?(public_post)).to eq(false)
  end

  it "lets nobody hide a revision of a clinic post" do
    reply.revise(therapist, { raw: "A reply I edited" }, force_new_version: true)
    revision = reply.revisions.last
    expect(Guardian.new(admin).can_hide_post_revision?(revision)).to eq(false)
  end

  it "lets nobody hide a revision of a clinic post that was deleted since" do
    reply.revise(therapist, { raw: "A reply I edited" }, force_new_version: true)
    revision = reply.revisions.last
    PostDestroyer.new(admin, reply).destroy
    expect(Guardian.new(admin).can_hide_post_revision?(revision.reload)).to eq(false)
  end

  it "forbids permanent deletion of clinic posts and topics, even for an admin" do
    # An overseeing admin may see the clinic, so only the plugin's rule can say no.
    SiteSetting.online_clinic_strict_confidentiality = false
    SiteSetting.can_permanently_delete = true
    PostDestroyer.new(admin, reply).destroy
    reply.update_columns(deleted_at: 1.day.ago)
    # Core's own conditions for a topic (every post gone first) are its business, not ours.
    Guardian.any_instance.stubs(:can_permanently_delete_topic?).returns(true)

    expect(Guardian.new(admin).can_permanently_delete?(reply.reload)).to eq(false)
    expect(Guardian.new(admin).can_permanently_delete?(topic)).to eq(false)

    SiteSetting.online_clinic_forbid_hard_delete = false
    expect(Guardian.new(admin).can_permanently_delete?(reply.reload)).to eq(true)
    expect(Guardian.new(admin).can_permanently_delete?(topic)).to eq(true)
  end

  it "leaves a small action by the member who deleted a reply" do
    PostDestroyer.new(therapist, reply).destroy
    marker = topic.posts.where(post_type: Post.types[:small_action]).last
    expect(marker.action_code).to eq("online_clinic_post_deleted")
    expect(marker.user_id).to eq(therapist.id)
  end

  it "marks a client's own deletion once, not again when the system clears the stub" do
    own_reply = Fabricate(:post, topic:, user: client, raw: "Something I want to take back")
    PostDestroyer.new(client, own_reply).destroy
    PostDestroyer.new(Discourse.system_user, own_reply.reload).destroy
    markers = topic.posts.where(action_code: "online_clinic_post_deleted")
    expect(markers.pluck(:user_id)).to eq([client.id])
  end

  it "leaves no marker outside clinics" do
    public_reply = Fabricate(:post, topic: Fabricate(:post).topic)
    PostDestroyer.new(admin, public_reply).destroy
    expect(
      Post.where(topic_id: public_reply.topic_id, action_code: "online_clinic_post_deleted"),
    ).to be_empty
  end
end
