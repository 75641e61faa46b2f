# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    class ExcludeClinicsFromDigests < Initializer
      def apply
        plugin.reloadable_patch do
          ::Topic.singleton_class.prepend(OnlineClinic::TopicDigestExtension)
        end
      end
    end
  end
end
