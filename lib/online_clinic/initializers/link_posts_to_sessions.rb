# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    # PostCreator fires :post_created(post, opts, user) after a post is saved; a post written
    # in a clinic while one of its sessions is open belongs to that session.
    class LinkPostsToSessions < Initializer
      def apply
        plugin.on(:post_created) do |post, _opts, _user|
          OnlineClinic::SessionPost.link(post) if SiteSetting.online_clinic_enabled
        end
      end
    end
  end
end
