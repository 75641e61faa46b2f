# frozen_string_literal: true

module OnlineClinic
  # What is recorded with a session when it ends and shown in its topic: mode, actual duration,
  # pauses, and for the written modes how many posts and words each participant wrote. Counting
  # only: nothing here looks at what was written beyond splitting it into words.
  module SessionSummary
    MODES = %i[written video chat face_to_face].freeze
    WRITTEN_MODES = %i[written chat].freeze

    # A word is a run of letters, combining marks and digits, which may be joined by an apostrophe,
    # a hyphen or the Hebrew geresh/gershayim (e.g. don't, well-being, צה"ל, ג׳ירפה); niqqud are
    # combining marks, so a pointed Hebrew word is one word. Each emoji counts as one word (a lone
    # heart is an answer); its skin-tone modifiers and joiners belong to it.
    WORD =
      /
      [\p{L}\p{M}\p{N}]+(?:['’"״׳\-][\p{L}\p{M}\p{N}]+)*
      | \p{Extended_Pictographic}(?:[\u{FE0F}\u{1F3FB}-\u{1F3FF}]|\u{200D}\p{Extended_Pictographic})*
      | [\u{1F1E6}-\u{1F1FF}]{2}
    /x

    def self.count_words(text)
      text.to_s.scan(WORD).length
    end

    # state: an ended SessionState. posts: [{ user_id:, text: }] or [{ user_id:, words: }] for the
    # posts written during the session, in any order. Raises ArgumentError for an unknown mode or a
    # session that has not ended.
    def self.build(state:, mode:, posts: [])
      raise ArgumentError, "unknown mode #{mode.inspect}" if MODES.none?(mode)
      raise ArgumentError, "the session has not ended" if state.state != :ended
      summary = {
        mode: mode,
        actual_seconds: state.elapsed_seconds(state.ended_at_ms),
        planned_seconds: state.length_ms / 1000,
        wall_clock_seconds: (state.ended_at_ms - state.started_at_ms) / 1000,
        pause_count: state.pause_count,
        paused_seconds: state.paused_ms(state.ended_at_ms) / 1000,
        ended_reason: state.ended_reason,
      }
      summary[:participants] = participants(posts) if WRITTEN_MODES.include?(mode)
      summary
    end

    def self.participants(posts)
      posts
        .group_by { |post| post.fetch(:user_id) }
        .map do |user_id, own|
          words = own.sum { |post| post.key?(:words) ? post[:words] : count_words(post[:text]) }
          { user_id: user_id, posts: own.length, words: words }
        end
        .sort_by { |participant| participant[:user_id] }
    end
    private_class_method :participants
  end
end
