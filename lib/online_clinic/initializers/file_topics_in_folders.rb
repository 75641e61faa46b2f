# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    # The composer sends online_clinic_folder_id with a new topic. PostCreator fires
    # :topic_created(topic, opts, user) after the topic is saved (not for replies); the topic is
    # filed only in a folder of its own clinic, else it stays unfiled (Folder::FileNewTopic).
    # A topic held for approval keeps the param in its queued post's payload, and approving it
    # fires :topic_created with that payload (ReviewableQueuedPost#perform_approve_post).
    class FileTopicsInFolders < Initializer
      PARAM = "online_clinic_folder_id"

      def apply
        plugin.add_permitted_post_create_param(PARAM)
        plugin.allow_new_queued_post_payload_attribute(PARAM.to_sym)

        plugin.on(:topic_created) do |topic, opts, user|
          next if !SiteSetting.online_clinic_enabled || topic.nil? || user.nil? || !opts
          folder_id = opts[PARAM.to_sym] || opts[PARAM]
          next if folder_id.blank?
          OnlineClinic::Folder::FileNewTopic.call(
            params: {
              topic_id: topic.id,
              folder_id: folder_id,
            },
            guardian: user.guardian,
          )
        end
      end
    end
  end
end
