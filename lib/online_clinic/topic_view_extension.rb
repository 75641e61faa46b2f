# frozen_string_literal: true

module ::OnlineClinic
  # Prepended to TopicView. Core answers 403 ("that page is private") for a topic its
  # reader cannot see, which tells them it exists; for a clinic topic the answer is 404.
  # Covers topic show (JSON and HTML), print, posts JSON, raw topic and reply history.
  module TopicViewExtension
    def check_and_raise_exceptions(skip_staff_action)
      if @topic && OnlineClinic::Clinic.category_ids.include?(@topic.category_id) &&
           !@guardian.can_see?(@topic)
        raise Discourse::NotFound
      end
      super
    end
  end
end
