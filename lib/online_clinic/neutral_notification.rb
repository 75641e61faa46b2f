# frozen_string_literal: true

module ::OnlineClinic
  # Content-free notifications for clinic posts: a neutral sentence and a slug-less link,
  # never the topic title, the post text or the clinic's name.
  module NeutralNotification
    module_function

    def enabled?
      SiteSetting.online_clinic_enabled && SiteSetting.online_clinic_private_notifications
    end

    def clinic_topic?(topic_id)
      return false if topic_id.blank?
      category_id = Topic.where(id: topic_id.to_i).pick(:category_id)
      category_id.present? && OnlineClinic::Clinic.category_ids.include?(category_id)
    end

    def topic_url(topic_id)
      "#{Discourse.base_url}/t/#{topic_id.to_i}"
    end

    # Called from :before_email_send, after Email::Sender has set List-ID and List-Archive.
    def strip_email!(message)
      return if !enabled?
      # A repeated header comes back as an Array (core's Email::Sender#header_value takes the last).
      topic_id = Array(message.header["X-Discourse-Topic-Id"]).last&.value
      return if !clinic_topic?(topic_id)

      url = topic_url(topic_id)
      text = I18n.t("online_clinic.notifications.body", url: url)
      message.subject = I18n.t("online_clinic.notifications.subject")
      message.text_part.body = text if message.text_part
      message.html_part.body = "<p>#{ERB::Util.html_escape(text)}</p>" if message.html_part
      replace_header(
        message,
        "List-ID",
        "#{SiteSetting.title} <#{Email::Sender.host_for(Discourse.base_url)}>",
      )
      replace_header(message, "List-Archive", url)
    end

    # Called from :pre_notification_alert; the same payload feeds live and push alerts.
    def strip_alert!(payload)
      return if !enabled? || !clinic_topic?(payload[:topic_id])
      payload[:topic_title] = I18n.t("online_clinic.notifications.push_title")
      payload[:excerpt] = I18n.t("online_clinic.notifications.push_excerpt")
      payload[:post_url] = "/t/#{payload[:topic_id].to_i}/#{payload[:post_number].to_i}"
    end

    def replace_header(message, name, value)
      return if message.header[name].blank?
      message.header[name] = nil
      message.header[name] = value
    end
  end
end
