# frozen_string_literal: true

module ::OnlineClinic
  # One session of a clinic. Its state columns are exactly OnlineClinic::SessionState#to_h, so
  # every transition is the pure state machine's: rebuild, transition, store.
  class Session < ActiveRecord::Base
    self.table_name = "online_clinic_sessions"

    MODES = OnlineClinic::SessionSummary::MODES.map(&:to_s).freeze
    OPEN_STATES = %w[running paused].freeze
    RECENT_LIMIT = 10

    belongs_to :clinic, class_name: "OnlineClinic::Clinic"
    belongs_to :topic, optional: true
    belongs_to :started_by, class_name: "User", optional: true
    belongs_to :ended_by, class_name: "User", optional: true
    has_many :session_posts, class_name: "OnlineClinic::SessionPost", dependent: :delete_all

    validates :mode, inclusion: { in: MODES }
    validates :request_id, presence: true

    scope :open_sessions, -> { where(state: OPEN_STATES) }
    scope :ended, -> { where(state: "ended") }

    def self.next_number(clinic_id)
      (where(clinic_id: clinic_id).maximum(:number) || 0) + 1
    end

    def session_state
      OnlineClinic::SessionState.from_h(
        state: state,
        planned_minutes: planned_minutes,
        started_at_ms: started_at_ms,
        pauses: pauses,
        extensions_minutes: extensions_minutes,
        ended_at_ms: ended_at_ms,
        ended_reason: ended_reason,
      )
    end

    def assign_session_state(new_state)
      values = new_state.to_h
      assign_attributes(
        **values,
        state: values[:state].to_s,
        ended_reason: values[:ended_reason]&.to_s,
      )
    end

    def open?
      OPEN_STATES.include?(state)
    end

    def written?
      mode == "written"
    end

    def started_at
      started_at_ms && Time.zone.at(Rational(started_at_ms, 1000))
    end

    def ended_at
      ended_at_ms && Time.zone.at(Rational(ended_at_ms, 1000))
    end

    # What SessionSummary counts: the posts linked to this session that still exist.
    def summary_posts
      Post
        .where(id: session_posts.select(:post_id), deleted_at: nil)
        .pluck(:user_id, :raw)
        .map { |user_id, raw| { user_id: user_id, text: raw } }
    end
  end
end
