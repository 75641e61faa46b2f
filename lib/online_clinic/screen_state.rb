# frozen_string_literal: true

module OnlineClinic
  # The shared screen's state as the server keeps it: who leads, what is shown, where the
  # leader is. Every accepted action returns the next state stamped with the server's time and
  # the next sequence number; the glue stores it atomically (compare the old "seq") and
  # publishes it to the clinic's members. docs/screen.md shows the shape.
  module ScreenState
    # A leader who sends nothing (no update, no heartbeat) for this long loses the lead.
    LEAD_TIMEOUT_MS = 30_000
    # How far back a leader's video sample may date; older or future stamps become "now".
    MAX_SAMPLE_AGE_MS = 5_000
    MAX_VIDEO_POSITION = 86_400
    RATES = (0.25..2.0)
    MAX_PAGE = 100_000
    YOUTUBE_ID = /\A[A-Za-z0-9_\-]{11}\z/
    KINDS = %w[page document youtube video].freeze
    VIDEO_KINDS = %w[youtube video].freeze

    Actor = Struct.new(:id, :therapist, keyword_init: true)

    # error: nil on success, else :invalid_payload (detail: the field), :url_not_allowed
    # (detail: the URL policy's reason), :not_leader, :lead_locked or :not_therapist.
    # changed: whether state differs from the one given (a refused action can still carry a
    # timed-out lead's release): store and publish only when true.
    Outcome =
      Struct.new(:state, :error, :detail, :changed) do
        def ok?
          error.nil?
        end
      end

    class InvalidPayload < StandardError
      attr_reader :field, :reason

      def initialize(field, reason = nil)
        @field = field
        @reason = reason
        super(field)
      end
    end

    def self.initial
      {
        "seq" => 0,
        "server_time_ms" => nil,
        "leader_id" => nil,
        "lead_expires_at_ms" => nil,
        "locked" => false,
        "item" => nil,
        "reading" => {
          "position" => 0.0,
          "page" => nil,
        },
        "video" => nil,
      }
    end

    # The leader's full picture of the screen. With nobody leading, the sender takes the lead
    # (unless it is locked against them).
    def self.update(given, actor:, payload:, now_ms:)
      state = expire(given, now_ms: now_ms)
      if state["leader_id"] != actor.id
        return failed(state, given, :not_leader) if state["leader_id"]
        return failed(state, given, :lead_locked) if locked_against?(state, actor)
      end

      view = parse_payload(payload, now_ms)
      succeeded(state.merge(view).merge(lead(actor, now_ms)), now_ms)
    rescue InvalidPayload => e
      if e.reason
        failed(state, given, :url_not_allowed, e.reason)
      else
        failed(state, given, :invalid_payload, e.field)
      end
    end

    def self.take_lead(given, actor:, now_ms:)
      state = expire(given, now_ms: now_ms)
      return failed(state, given, :lead_locked) if locked_against?(state, actor)

      succeeded(state.merge(lead(actor, now_ms)), now_ms)
    end

    # Sent by the leader's browser every few seconds while it leads, so a closed laptop
    # releases the lead after LEAD_TIMEOUT_MS instead of holding it for ever.
    def self.heartbeat(given, actor:, now_ms:)
      state = expire(given, now_ms: now_ms)
      return failed(state, given, :not_leader) if state["leader_id"] != actor.id

      succeeded(state.merge(lead(actor, now_ms)), now_ms)
    end

    def self.release_lead(given, actor:, now_ms:)
      state = expire(given, now_ms: now_ms)
      return failed(state, given, :not_leader) if state["leader_id"] != actor.id

      succeeded(state.merge("leader_id" => nil, "lead_expires_at_ms" => nil), now_ms)
    end

    # While locked, only therapists may take the lead; whoever leads keeps it.
    def self.lock(state, actor:, now_ms:)
      set_lock(state, actor, now_ms, true)
    end

    def self.unlock(state, actor:, now_ms:)
      set_lock(state, actor, now_ms, false)
    end

    # The state with a timed-out lead released (a new seq), or the same state. The glue calls
    # it when it reads the state, so no timer has to live in any process.
    def self.expire(state, now_ms:)
      expires_at = state["lead_expires_at_ms"]
      return state if state["leader_id"].nil? || expires_at.nil? || now_ms < expires_at

      stamp(state.merge("leader_id" => nil, "lead_expires_at_ms" => nil), now_ms)
    end

    # What the clinic's timeline records when the shown item changes: what, by whom, when.
    def self.shown_item_event(before, after)
      item = after["item"]
      return nil if item.nil? || item == before["item"]

      { "item" => item, "user_id" => after["leader_id"], "at_ms" => after["server_time_ms"] }
    end

    def self.set_lock(given, actor, now_ms, locked)
      state = expire(given, now_ms: now_ms)
      return failed(state, given, :not_therapist) unless actor.therapist
      return Outcome.new(state, nil, nil, !state.equal?(given)) if state["locked"] == locked

      succeeded(state.merge("locked" => locked), now_ms)
    end

    def self.locked_against?(state, actor)
      state["locked"] && !actor.therapist
    end

    def self.lead(actor, now_ms)
      { "leader_id" => actor.id, "lead_expires_at_ms" => now_ms + LEAD_TIMEOUT_MS }
    end

    def self.stamp(state, now_ms)
      state.merge("seq" => state["seq"] + 1, "server_time_ms" => now_ms)
    end

    def self.succeeded(state, now_ms)
      Outcome.new(stamp(state, now_ms), nil, nil, true)
    end

    # A refused action still hands back a lead that timed out meanwhile, to be stored.
    def self.failed(state, given, error, detail = nil)
      Outcome.new(state, error, detail, !state.equal?(given))
    end

    # Only the known fields are kept, so a client cannot make the server store anything else.
    def self.parse_payload(payload, now_ms)
      raise InvalidPayload, "payload" unless payload.is_a?(Hash)
      raise InvalidPayload, "item" unless payload.key?("item")

      item = parse_item(payload["item"])
      video = payload["video"]
      video_item = item && VIDEO_KINDS.include?(item["kind"])
      raise InvalidPayload, "video" if video_item ? video.nil? : !video.nil?

      {
        "item" => item,
        "reading" => parse_reading(payload["reading"]),
        "video" => video_item ? parse_video(video, now_ms) : nil,
      }
    end

    def self.parse_item(item)
      return nil if item.nil?
      raise InvalidPayload, "item" unless item.is_a?(Hash)

      kind = item["kind"]
      case kind
      when "page"
        verdict = ScreenUrlPolicy.check(item["url"])
        raise InvalidPayload.new("item.url", verdict.reason) unless verdict.accepted?
        { "kind" => kind, "url" => verdict.url }
      when "youtube"
        video_id = item["video_id"]
        unless video_id.is_a?(String) && video_id.match?(YOUTUBE_ID)
          raise InvalidPayload, "item.video_id"
        end
        { "kind" => kind, "video_id" => video_id }
      when "document", "video"
        {
          "kind" => kind,
          "document_id" => positive_integer(item["document_id"], "item.document_id"),
        }
      else
        raise InvalidPayload, "item.kind"
      end
    end

    def self.parse_reading(reading)
      reading = {} if reading.nil?
      raise InvalidPayload, "reading" unless reading.is_a?(Hash)

      position = reading.fetch("position", 0.0)
      raise InvalidPayload, "reading.position" unless number_within?(position, 0..1)

      page = reading["page"]
      page = positive_integer(page, "reading.page") unless page.nil?
      raise InvalidPayload, "reading.page" if page && page > MAX_PAGE

      { "position" => position.to_f, "page" => page }
    end

    def self.parse_video(video, now_ms)
      raise InvalidPayload, "video" unless video.is_a?(Hash)

      playing = video["playing"]
      raise InvalidPayload, "video.playing" unless playing.equal?(true) || playing.equal?(false)

      position = video["position"]
      raise InvalidPayload, "video.position" unless number_within?(position, 0..MAX_VIDEO_POSITION)

      rate = video.fetch("rate", 1.0)
      raise InvalidPayload, "video.rate" unless number_within?(rate, RATES)

      {
        "playing" => playing,
        "position" => position.to_f,
        "rate" => rate.to_f,
        "at_ms" => sample_time(video["sampled_at_ms"], now_ms),
      }
    end

    # The leader says when (in server time, by its own estimate) it read the position; that
    # removes the upload's latency from every follower's arithmetic.
    def self.sample_time(sampled_at_ms, now_ms)
      return now_ms unless sampled_at_ms.is_a?(Integer)
      return now_ms if sampled_at_ms > now_ms || sampled_at_ms < now_ms - MAX_SAMPLE_AGE_MS

      sampled_at_ms
    end

    def self.number_within?(value, range)
      value.is_a?(Numeric) && !value.is_a?(Complex) && value.to_f.finite? && range.cover?(value)
    end

    def self.positive_integer(value, field)
      raise InvalidPayload, field unless value.is_a?(Integer) && value.positive?

      value
    end

    private_class_method :set_lock,
                         :locked_against?,
                         :lead,
                         :stamp,
                         :succeeded,
                         :failed,
                         :parse_payload,
                         :parse_item,
                         :parse_reading,
                         :parse_video,
                         :sample_time,
                         :number_within?,
                         :positive_integer
  end
end
