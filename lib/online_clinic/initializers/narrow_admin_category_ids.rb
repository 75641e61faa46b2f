# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    class NarrowAdminCategoryIds < Initializer
      def apply
        plugin.reloadable_patch { ::User.prepend(OnlineClinic::UserExtension) }
      end
    end
  end
end
