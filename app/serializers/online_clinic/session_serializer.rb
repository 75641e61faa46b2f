# frozen_string_literal: true

module ::OnlineClinic
  # Session in docs/contract.md. Expects started_by, ended_by and topic preloaded, and the
  # summary's participants in options[:summary_users] (id => User) so a list costs no query
  # per session.
  class SessionSerializer < ApplicationSerializer
    attributes :id,
               :clinic_id,
               :number,
               :mode,
               :state,
               :clock,
               :topic_id,
               :topic_url,
               :started_at,
               :ended_at,
               :ended_reason,
               :started_by,
               :ended_by,
               :summary,
               :permissions

    def clock
      object.session_state.clock_json
    end

    def topic_url
      object.topic&.relative_url
    end

    def started_by
      user_summary(object.started_by)
    end

    def ended_by
      user_summary(object.ended_by)
    end

    def summary
      return if object.summary.blank?
      OnlineClinic::SessionSummarySerializer.new(
        object.summary,
        root: false,
        users: @options[:summary_users] || {},
      ).as_json
    end

    def permissions
      can_control = !!@options[:can_control]
      {
        can_pause: can_control && object.state == "running",
        can_resume: can_control && object.state == "paused",
        can_extend: can_control && object.open?,
        can_end: can_control && object.open?,
      }
    end

    private

    def user_summary(user)
      user && UserSummarySerializer.new(user, root: false).as_json
    end
  end
end
