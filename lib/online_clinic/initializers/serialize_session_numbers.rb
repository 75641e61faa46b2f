# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    # post.online_clinic_session_number: the session a clinic post was written in, or null for
    # a post written between sessions (the timeline marks them). A topic's posts are preloaded.
    class SerializeSessionNumbers < Initializer
      def apply
        plugin.reloadable_patch do
          ::Post.has_one :online_clinic_session_post,
                         class_name: "OnlineClinic::SessionPost",
                         dependent: :delete
        end

        ::TopicView.on_preload do |topic_view|
          if SiteSetting.online_clinic_enabled &&
               OnlineClinic::Clinic.category_ids.include?(topic_view.topic.category_id)
            ActiveRecord::Associations::Preloader.new(
              records: topic_view.posts.to_a,
              associations: [:online_clinic_session_post],
            ).call
          end
        end

        plugin.add_to_serializer(
          :post,
          :online_clinic_session_number,
          include_condition: -> do
            OnlineClinic::Clinic.category_ids.include?(object.topic&.category_id)
          end,
        ) { object.online_clinic_session_post&.session_number }
      end
    end
  end
end
