# frozen_string_literal: true

RSpec.describe OnlineClinic::Session::Start do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params:, guardian: therapist.guardian) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  let(:params) { { clinic_id: clinic.id, mode: "written", request_id: "a" } }

  it "numbers sessions per clinic and links the posts written during one" do
    expect(result).to run_successfully
    session = result[:session]
    expect(session.number).to eq(1)
    reply =
      PostCreator.create!(client, topic_id: session.topic_id, raw: "I slept badly again this week.")
    expect(OnlineClinic::SessionPost.find_by(post_id: reply.id)&.session_id).to eq(session.id)
    # The topic's opening post was written before the session opened: not counted.
    expect(OnlineClinic::SessionPost.where(session_id: session.id).count).to eq(1)
  end

  it "counts each participant's posts and words when the session ends" do
    session = result[:session]
    PostCreator.create!(client, topic_id: session.topic_id, raw: "I slept badly again this week.")
    ended =
      OnlineClinic::Session::End.call(
        params: {
          session_id: session.id,
        },
        guardian: therapist.guardian,
      )
    expect(ended).to run_successfully
    expect(session.reload.summary["participants"]).to eq(
      [{ "user_id" => client.id, "posts" => 1, "words" => 6 }],
    )
  end

  it "does not link posts written between sessions" do
    topic = Fabricate(:topic, category: clinic.category)
    post = PostCreator.create!(client, topic_id: topic.id, raw: "A thought between sessions.")
    expect(OnlineClinic::SessionPost.exists?(post_id: post.id)).to eq(false)
  end

  it "fails with already_running when a session is open" do
    Fabricate(:online_clinic_session, clinic:)
    expect(result).to fail_a_step(:apply)
    expect(OnlineClinic::Session.count).to eq(1)
  end

  it "fails the policy for a client" do
    result = described_class.call(params:, guardian: client.guardian)
    expect(result).to fail_a_policy(:can_act)
  end
end
