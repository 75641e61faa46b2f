# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    class HideClinicTopics < Initializer
      def apply
        plugin.reloadable_patch { ::TopicView.prepend(OnlineClinic::TopicViewExtension) }
      end
    end
  end
end
