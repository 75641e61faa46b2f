# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    class ExtendGuardian < Initializer
      def apply
        plugin.reloadable_patch { ::Guardian.prepend(OnlineClinic::GuardianExtension) }
      end
    end
  end
end
