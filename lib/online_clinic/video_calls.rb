# frozen_string_literal: true

module OnlineClinic
  # Folds a clinic's video joins and leaves into calls for the timeline: a call runs from the
  # first join to the moment nobody is left in it. Pure; events come sorted by (at_ms, id).
  #
  # - A second "joined" from someone already in (a reconnect) changes nothing; one "left" takes
  #   them out, since the browser reports a leave once per member, not per reconnect.
  # - A "left" from someone not in the call (its join fell before the window read) is ignored.
  # - A call still going at the last event has ended_at nil and duration nil.
  module VideoCalls
    # id: the first join's event id; participant_ids in the order they first joined.
    Call =
      Struct.new(
        :id,
        :started_at_ms,
        :ended_at_ms,
        :participant_ids,
        :session_id,
        keyword_init: true,
      ) do
        def duration_seconds
          ended_at_ms && ((ended_at_ms - started_at_ms) / 1000)
        end
      end

    # events: [{ id:, user_id:, event: "joined"|"left", at_ms:, session_id: }]
    def self.fold(events)
      calls = []
      current = nil
      present = {}
      events.each do |event|
        user_id = event[:user_id]
        case event[:event].to_s
        when "joined"
          if current.nil?
            current =
              Call.new(
                id: event[:id],
                started_at_ms: event[:at_ms],
                ended_at_ms: nil,
                participant_ids: [],
                session_id: event[:session_id],
              )
            calls << current
          end
          present[user_id] = true
          current.participant_ids << user_id if !current.participant_ids.include?(user_id)
          current.session_id ||= event[:session_id]
        when "left"
          next if current.nil? || !present.key?(user_id)

          present.delete(user_id)
          if present.empty?
            current.ended_at_ms = event[:at_ms]
            current = nil
          end
        else
          raise ArgumentError, "unknown video event: #{event[:event].inspect}"
        end
      end
      calls
    end
  end
end
