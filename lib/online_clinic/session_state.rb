# frozen_string_literal: true

module OnlineClinic
  # The state of one session and its clock. Pure and immutable: every transition returns a new
  # SessionState or raises SessionState::TransitionError with a reason symbol that the glue
  # translates. Time is always passed in ("now"), as an Integer of milliseconds since the epoch or
  # a Time; everything is kept in integer milliseconds so that the browser's session clock, which
  # computes the same numbers from the same facts, agrees to the millisecond (checked against
  # test/fixtures/online-clinic/session-time-vectors.json on both sides).
  #
  # Rules (docs/sessions.md):
  # - scheduled -> running (start) -> paused (pause) <-> running (resume) -> ended (end/auto_end).
  # - Remaining time may go negative (overtime): writing is never cut off, the therapist ends.
  # - Extensions add 5 or 10 minutes, while running or paused, up to 180 minutes in total.
  # - An unattended session is ended automatically once its planned end (as if a pause had not
  #   held the time) lies more than the grace period behind; it is then marked so, and ended at
  #   that instant rather than whenever the job happened to run.
  class SessionState
    class TransitionError < StandardError
      attr_reader :reason

      def initialize(reason)
        @reason = reason
        super("session transition refused: #{reason}")
      end
    end

    STATES = %i[scheduled running paused ended].freeze
    ENDED_REASONS = %i[ended_by_therapist auto_ended_unattended].freeze
    MIN_MINUTES = 10
    MAX_MINUTES = 180
    DEFAULT_MINUTES = 50
    EXTENSION_MINUTES = [5, 10].freeze
    NOTICE_BEFORE_END_MS = 5 * 60_000

    attr_reader :state,
                :planned_minutes,
                :started_at_ms,
                :pauses,
                :extensions_minutes,
                :ended_at_ms,
                :ended_reason

    def self.valid_length?(minutes)
      minutes.is_a?(Integer) && minutes.between?(MIN_MINUTES, MAX_MINUTES)
    end

    def self.scheduled(planned_minutes: DEFAULT_MINUTES)
      raise TransitionError, :invalid_length unless valid_length?(planned_minutes)
      new(state: :scheduled, planned_minutes: planned_minutes)
    end

    # Rebuilds a state from what the glue stored (to_h), e.g. database columns.
    def self.from_h(hash)
      hash = hash.transform_keys(&:to_sym)
      new(
        state: hash.fetch(:state).to_sym,
        planned_minutes: hash.fetch(:planned_minutes),
        started_at_ms: hash[:started_at_ms],
        pauses: hash[:pauses] || [],
        extensions_minutes: hash[:extensions_minutes] || 0,
        ended_at_ms: hash[:ended_at_ms],
        ended_reason: hash[:ended_reason]&.to_sym,
      )
    end

    # Milliseconds since the epoch, floored, from an Integer (taken as milliseconds) or a Time.
    def self.to_ms(time)
      return time if time.is_a?(Integer)
      (time.to_r * 1000).floor
    end

    def initialize(
      state:,
      planned_minutes:,
      started_at_ms: nil,
      pauses: [],
      extensions_minutes: 0,
      ended_at_ms: nil,
      ended_reason: nil
    )
      raise ArgumentError, "unknown state #{state.inspect}" if STATES.none?(state)
      @state = state
      @planned_minutes = planned_minutes
      @started_at_ms = started_at_ms
      @pauses = pauses.map { |from, to| [from, to].freeze }.freeze
      @extensions_minutes = extensions_minutes
      @ended_at_ms = ended_at_ms
      @ended_reason = ended_reason
      freeze
    end

    def start(now:)
      refuse_if_ended
      raise TransitionError, :already_running if %i[running paused].include?(state)
      with(state: :running, started_at_ms: ms(now))
    end

    def pause(now:)
      refuse_if_ended
      raise TransitionError, :not_running if state != :running
      now_ms = not_before(now, last_event_ms)
      with(state: :paused, pauses: pauses + [[now_ms, nil]])
    end

    def resume(now:)
      refuse_if_ended
      raise TransitionError, :not_paused if state != :paused
      now_ms = not_before(now, last_event_ms)
      with(state: :running, pauses: close_open_pause(now_ms))
    end

    def extend_by(minutes:)
      refuse_if_ended
      raise TransitionError, :not_started if state == :scheduled
      raise TransitionError, :invalid_extension if EXTENSION_MINUTES.none?(minutes)
      if planned_minutes + extensions_minutes + minutes > MAX_MINUTES
        raise TransitionError, :extension_past_maximum
      end
      with(extensions_minutes: extensions_minutes + minutes)
    end

    def end_session(now:)
      refuse_if_ended
      raise TransitionError, :not_started if state == :scheduled
      now_ms = not_before(now, started_at_ms, :end_before_start)
      finish(not_before(now_ms, last_event_ms), :ended_by_therapist)
    end

    def auto_end_due?(now:, grace_minutes:)
      return false if %i[scheduled ended].include?(state)
      ms(now) >= unattended_end_ms(grace_minutes)
    end

    def auto_end(now:, grace_minutes:)
      refuse_if_ended
      raise TransitionError, :not_started if state == :scheduled
      raise TransitionError, :not_due unless auto_end_due?(now: now, grace_minutes: grace_minutes)
      finish([unattended_end_ms(grace_minutes), last_event_ms].max, :auto_ended_unattended)
    end

    def length_ms
      (planned_minutes + extensions_minutes) * 60_000
    end

    def elapsed_ms(now)
      return 0 if started_at_ms.nil?
      until_ms = ended_at_ms || ms(now)
      [until_ms - started_at_ms - paused_ms(until_ms), 0].max
    end

    def remaining_ms(now)
      length_ms - elapsed_ms(now)
    end

    def paused_ms(now)
      until_ms = ended_at_ms || ms(now)
      pauses.sum { |from, to| [[to || until_ms, until_ms].min - from, 0].max }
    end

    # Whole seconds, as the clock shows them: elapsed rounds down, remaining rounds up, so that
    # a fresh session shows its full length and "00:00" appears exactly when time runs out.
    def elapsed_seconds(now)
      elapsed_ms(now).div(1000)
    end

    def remaining_seconds(now)
      -(-remaining_ms(now)).div(1000)
    end

    # Overtime starts when the clock would show a negative whole second, not at the first
    # millisecond past the end, so that the word and the digits change together.
    def overtime?(now)
      remaining_seconds(now).negative?
    end

    # "mm:ss" below an hour, "h:mm:ss" from an hour, of the absolute value (overtime is a word the
    # UI puts around the digits). ASCII digits whatever the locale, as the browser clock writes.
    def self.clock_text(seconds)
      hours, rest = seconds.abs.divmod(3600)
      minutes, secs = rest.divmod(60)
      return format("%02d:%02d", minutes, secs) if hours.zero?
      format("%d:%02d:%02d", hours, minutes, secs)
    end

    def clock_text(now)
      self.class.clock_text(remaining_seconds(now))
    end

    # The instant the session will reach its length if nobody pauses or extends it.
    def ends_at_ms(now)
      return nil if state != :running
      ms(now) + remaining_ms(now)
    end

    def notice(now)
      return nil if state == :scheduled
      return :ended if state == :ended
      remaining = remaining_ms(now)
      return :ended if remaining <= 0
      :five_minutes if remaining <= NOTICE_BEFORE_END_MS
    end

    def pause_count
      pauses.length
    end

    def to_h
      {
        state: state,
        planned_minutes: planned_minutes,
        started_at_ms: started_at_ms,
        pauses: pauses.map(&:dup),
        extensions_minutes: extensions_minutes,
        ended_at_ms: ended_at_ms,
        ended_reason: ended_reason,
      }
    end

    # The shape the browser's session clock reads (docs/sessions.md, "Clock JSON"); the glue
    # serializes exactly this, with string keys, and adds server_now_ms when it answers a request.
    def clock_json
      open_pause = state == :paused ? pauses.last.first : nil
      closed = pauses.sum { |from, to| to.nil? ? 0 : to - from }
      {
        "state" => state.to_s,
        "planned_seconds" => planned_minutes * 60,
        "started_at_ms" => started_at_ms,
        "paused_total_ms" => closed,
        "paused_since_ms" => open_pause,
        "extensions_seconds" => extensions_minutes * 60,
        "ended_at_ms" => ended_at_ms,
      }
    end

    def ==(other)
      other.is_a?(SessionState) && other.to_h == to_h
    end
    alias eql? ==

    def hash
      to_h.hash
    end

    private

    def with(**changes)
      self.class.new(**to_h, **changes)
    end

    def ms(time)
      self.class.to_ms(time)
    end

    def refuse_if_ended
      raise TransitionError, :already_ended if state == :ended
    end

    def last_event_ms
      [started_at_ms, *pauses.flatten.compact].max
    end

    # A server clock that steps backwards between two requests must not make a negative interval.
    def not_before(now, earliest_ms, reason = :time_went_backwards)
      now_ms = ms(now)
      raise TransitionError, reason if now_ms < earliest_ms
      now_ms
    end

    def close_open_pause(now_ms)
      pauses.map { |from, to| [from, to || now_ms] }
    end

    def finish(now_ms, reason)
      with(
        state: :ended,
        pauses: close_open_pause(now_ms),
        ended_at_ms: now_ms,
        ended_reason: reason,
      )
    end

    # As if the clock had kept running through an open pause: a session paused and forgotten is
    # ended too, but only once its time would have run out plus the grace period.
    def unattended_end_ms(grace_minutes)
      closed_paused = pauses.sum { |from, to| to.nil? ? 0 : to - from }
      started_at_ms + closed_paused + length_ms + (grace_minutes * 60_000)
    end
  end
end
