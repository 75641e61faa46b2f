# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    # topic.online_clinic_folder_id on topic view: the folder a clinic topic is filed in, or null.
    # Only clinic topics carry it, and only people who can see the topic ever get its view.
    class SerializeTopicFolder < Initializer
      def apply
        plugin.add_to_serializer(
          :topic_view,
          :online_clinic_folder_id,
          include_condition: -> do
            OnlineClinic::Clinic.category_ids.include?(object.topic.category_id)
          end,
        ) { OnlineClinic::FolderItem.where(topic_id: object.topic.id).pick(:folder_id) }
      end
    end
  end
end
