# frozen_string_literal: true

module ::OnlineClinic
  module Initializers
    # PostDestroyer#destroy fires :post_destroyed(post, opts, user) after deleting (or, for an
    # author's own post, marking it for deletion). In a clinic the deletion stays visible to the
    # members: a small action "deleted a post" by that user, at that time, in the topic. A first
    # post deletes its topic, which the archive keeps; no marker goes into a topic nobody can
    # open any more. PostDestroyer.destroy_stubs later deletes an author's marked post as the
    # system user, firing the event again: that deletion was already marked.
    class MarkDeletedPosts < Initializer
      ACTION_CODE = "online_clinic_post_deleted"

      def apply
        plugin.on(:post_destroyed) do |post, _opts, user|
          self.class.mark(post, user) if SiteSetting.online_clinic_enabled
        end
      end

      def self.mark(post, user)
        return if post.nil? || user.nil? || post.post_number == 1
        return if post.post_type != Post.types[:regular]
        return if post.user_deleted && user.id == Discourse::SYSTEM_USER_ID
        topic = post.topic
        return if topic.nil? || !OnlineClinic::Clinic.category_ids.include?(topic.category_id)

        topic.add_small_action(user, ACTION_CODE, nil, silent: true)
      end
    end
  end
end
