# frozen_string_literal: true

RSpec.describe "Content-free clinic notifications" do
  fab!(:therapist, :user)
  fab!(:client) { Fabricate(:user, email: "client@example.com") }
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }
  fab!(:topic) { Fabricate(:topic, category: clinic.category, title: "About my nightmares again") }
  fab!(:post) { Fabricate(:post, topic:, user: therapist, raw: "zebraquiet private words") }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    SiteSetting.online_clinic_private_notifications = true
  end

  def deliver_reply_email
    message =
      UserNotifications.user_replied(
        client,
        post: post,
        notification_type: Notification.types[:replied],
        notification_data_hash: {
          topic_title: topic.title,
          display_username: therapist.username,
        },
      )
    Email::Sender.new(message, :user_replied, client).send
    ActionMailer::Base.deliveries.last
  end

  describe "email" do
    it "carries a neutral subject, no title, no content and a slug-less link" do
      mail = deliver_reply_email
      expect(mail.subject).to eq(I18n.t("online_clinic.notifications.subject"))
      body = mail.text_part.body.to_s + mail.html_part.body.to_s
      expect(body).not_to include("nightmares")
      expect(body).not_to include("zebraquiet")
      expect(body).to include("/t/#{topic.id}")
    end

    it "names neither the clinic nor the topic in its headers" do
      mail = deliver_reply_email
      expect(mail.header["List-ID"].to_s).not_to include(clinic.category.name)
      expect(mail.header["List-Archive"].to_s).not_to include(topic.slug)
    end

    it "attaches none of a clinic post's uploads, and still those of other posts" do
      public_post = Fabricate(:post)
      expect(DiscoursePluginRegistry.apply_modifier(:should_add_email_attachments, post)).to eq(
        false,
      )
      expect(
        DiscoursePluginRegistry.apply_modifier(:should_add_email_attachments, public_post),
      ).to eq(public_post)
    end

    context "when private notifications are off" do
      before { SiteSetting.online_clinic_private_notifications = false }

      it "leaves Discourse's email as it is" do
        expect(deliver_reply_email.subject).to include("nightmares")
      end
    end
  end

  describe "push and live notifications" do
    it "strips title and excerpt from the alert payload" do
      payload = {
        topic_id: topic.id,
        post_number: 1,
        topic_title: topic.title,
        excerpt: "zebraquiet private words",
        post_url: topic.relative_url,
      }
      DiscourseEvent.trigger(:pre_notification_alert, client, payload)
      expect(payload[:topic_title]).to eq(I18n.t("online_clinic.notifications.push_title"))
      expect(payload[:excerpt]).to eq(I18n.t("online_clinic.notifications.push_excerpt"))
      expect(payload[:post_url]).to eq("/t/#{topic.id}/1")
    end
  end

  describe "summary emails" do
    it "never lists a clinic topic, not even to its members" do
      expect(Topic.for_digest(client, 1.year.ago)).not_to include(topic)
    end
  end
end
