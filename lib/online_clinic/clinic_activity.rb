# frozen_string_literal: true

module ::OnlineClinic
  # Last activity, unread topics and next session of many clinics in three queries, for the
  # dashboard.
  class ClinicActivity
    def initialize(clinics, user)
      @category_ids = clinics.map(&:category_id)
      @clinic_ids = clinics.map(&:id)
      @user = user
    end

    def last_activity_at(category_id)
      @last_activity ||=
        Topic.where(category_id: @category_ids).group(:category_id).maximum(:bumped_at)
      @last_activity[category_id]
    end

    def unread_count(category_id)
      @unread ||=
        Topic
          .where(category_id: @category_ids)
          .joins(
            ActiveRecord::Base.sanitize_sql_array(
              ["LEFT JOIN topic_users tu ON tu.topic_id = topics.id AND tu.user_id = ?", @user.id],
            ),
          )
          .where("COALESCE(tu.last_read_post_number, 0) < topics.highest_post_number")
          .group(:category_id)
          .count
      @unread[category_id] || 0
    end

    def next_session_at(clinic_id)
      @next_sessions ||= OnlineClinic::Appointment.next_starts_by_clinic(@clinic_ids)
      @next_sessions[clinic_id]
    end
  end
end
