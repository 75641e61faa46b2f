# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    class NarrowReviewQueue < Initializer
      def apply
        plugin.reloadable_patch do
          ::Reviewable.singleton_class.prepend(OnlineClinic::ReviewableExtension)
        end
      end
    end
  end
end
