# frozen_string_literal: true

module ::OnlineClinic
  # A post written in a clinic while one of its sessions was open (running or paused).
  class SessionPost < ActiveRecord::Base
    self.table_name = "online_clinic_session_posts"

    belongs_to :session, class_name: "OnlineClinic::Session"
    belongs_to :post

    # Called for every new post; cheap for posts outside clinics (cached category ids).
    def self.link(post)
      return if post.post_type != Post.types[:regular]
      category_id = post.topic&.category_id
      return if !OnlineClinic::Clinic.category_ids.include?(category_id)
      clinic_id = OnlineClinic::Clinic.where(category_id: category_id).pick(:id)
      session = OnlineClinic::Session.open_sessions.find_by(clinic_id: clinic_id)
      return if session.nil?
      insert_all(
        [
          {
            post_id: post.id,
            session_id: session.id,
            session_number: session.number,
            created_at: Time.zone.now,
          },
        ],
        unique_by: :post_id,
      )
    end
  end
end
