# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    class NarrowChatAudience < Initializer
      def apply
        plugin.reloadable_patch do
          if defined?(::Chat::CategoryChannel)
            ::Chat::CategoryChannel.prepend(OnlineClinic::ChatCategoryChannelExtension)
          end
        end
      end
    end
  end
end
