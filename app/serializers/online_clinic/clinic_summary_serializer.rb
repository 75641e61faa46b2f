# frozen_string_literal: true

module ::OnlineClinic
  # A dashboard row (ClinicSummary in docs/contract.md).
  class ClinicSummarySerializer < ApplicationSerializer
    attributes :id,
               :name,
               :kind,
               :status,
               :category_id,
               :url,
               :clients,
               :therapists,
               :last_activity_at,
               :unread_count,
               :next_session_at

    def url
      object.category.url
    end

    def clients
      summaries("client")
    end

    def therapists
      summaries("therapist")
    end

    def last_activity_at
      activity.last_activity_at(object.category_id)
    end

    def unread_count
      activity.unread_count(object.category_id)
    end

    def next_session_at
      activity.next_session_at(object.id)
    end

    private

    def activity
      @options[:activity] ||= OnlineClinic::ClinicActivity.new([object], scope.user)
    end

    def summaries(role)
      object
        .memberships
        .select { |membership| membership.role == role }
        .map { |membership| UserSummarySerializer.new(membership.user, root: false).as_json }
    end
  end
end
