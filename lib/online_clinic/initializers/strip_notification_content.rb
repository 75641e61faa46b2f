# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    class StripNotificationContent < Initializer
      def apply
        plugin.on(:before_email_send) do |message, _email_type|
          OnlineClinic::NeutralNotification.strip_email!(message)
        end

        plugin.on(:pre_notification_alert) do |_user, payload|
          OnlineClinic::NeutralNotification.strip_alert!(payload)
        end

        # Email::Sender attaches a post's uploads to the email: none for clinic posts.
        plugin.register_modifier(:should_add_email_attachments) do |post|
          if post.is_a?(::Post) && OnlineClinic::NeutralNotification.enabled? &&
               OnlineClinic::Clinic.category_ids.include?(post.topic&.category_id)
            false
          else
            post
          end
        end
      end
    end
  end
end
