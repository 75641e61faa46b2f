# frozen_string_literal: true

require "date"
require "rrule"
require "tzinfo"

module OnlineClinic
  # When a clinic's sessions take place: one-off or weekly, in the therapist's IANA time zone.
  # A weekly session keeps its local time across daylight-saving changes (18:00 in Jerusalem stays
  # 18:00 there; its UTC instant moves by an hour), so recurrence is expanded by the rrule gem in
  # that zone, never by adding 7 * 24 hours. Each reader sees the instants in their own zone.
  #
  # Pure: "now" and the existing sessions are passed in. Errors carry a reason symbol for the glue:
  # :invalid_time_zone, :invalid_length, :invalid_local_time (not "YYYY-MM-DDTHH:MM"),
  # :nonexistent_local_time (skipped by a DST change, e.g. 02:30 on the night clocks go forward),
  # :invalid_recurrence, :in_the_past, :overlaps. An ambiguous local time (the hour that repeats
  # when clocks go back) is taken as its first occurrence.
  class SessionSchedule
    class InvalidSchedule < StandardError
      attr_reader :reason

      def initialize(reason)
        @reason = reason
        super("session schedule refused: #{reason}")
      end
    end

    # starts_at and ends_at are UTC Times; ends_at is exclusive, so back-to-back sessions fit.
    Occurrence =
      Struct.new(:starts_at, :ends_at, keyword_init: true) do
        def overlaps?(other)
          starts_at < other.ends_at && other.starts_at < ends_at
        end
      end

    RECURRENCES = %i[none weekly].freeze
    DEFAULT_REMINDER_MINUTES = [24 * 60, 15].freeze
    LOCAL_TIME = /\A(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})\z/
    # How far ahead a weekly series is checked for overlaps.
    OVERLAP_HORIZON_WEEKS = 52

    attr_reader :time_zone, :length_minutes, :recurrence, :first_starts_at, :count

    # local_start: "2026-10-13T18:00" as a datetime-local field sends it, in time_zone.
    # count: how many weekly sessions (nil = open-ended).
    def initialize(local_start:, time_zone:, length_minutes:, recurrence: :none, count: nil)
      @zone = zone_for(time_zone)
      @time_zone = time_zone
      raise InvalidSchedule, :invalid_length unless SessionState.valid_length?(length_minutes)
      @length_minutes = length_minutes
      raise InvalidSchedule, :invalid_recurrence if RECURRENCES.none?(recurrence)
      if !count.nil? && !(count.is_a?(Integer) && count >= 1)
        raise InvalidSchedule, :invalid_recurrence
      end
      @recurrence = recurrence
      @count = count
      @first_starts_at = utc_for(local_start)
    end

    # Occurrences that start within [from, to), in order.
    def occurrences(from:, to:)
      starts =
        if recurrence == :none
          [first_starts_at]
        else
          rule.between(from, to).map(&:utc)
        end
      starts.select { |start| start >= from && start < to }.map { |start| occurrence_at(start) }
    end

    # The first occurrence starting at or after `after`, or nil when the schedule is over.
    def next_occurrence(after:)
      return(first_starts_at >= after ? occurrence_at(first_starts_at) : nil) if recurrence == :none
      start = rule.from(after, limit: 1).first
      start && occurrence_at(start.utc)
    end

    # Raises InvalidSchedule unless the first session lies ahead and no session of this schedule
    # overlaps one of `existing` (Occurrences, e.g. the clinic's or the therapist's other sessions).
    def validate!(now:, existing: [])
      raise InvalidSchedule, :in_the_past if first_starts_at < now
      horizon = first_starts_at + (OVERLAP_HORIZON_WEEKS * 7 * 24 * 3600)
      mine = occurrences(from: first_starts_at, to: horizon)
      if mine.any? { |own| existing.any? { |other| own.overlaps?(other) } }
        raise InvalidSchedule, :overlaps
      end
      self
    end

    # When to remind of one occurrence: each offset before its start, leaving out those already
    # past at `now` (a session booked 10 minutes ahead gets no 24-hour reminder).
    def self.reminder_instants(occurrence, now:, minutes_before: DEFAULT_REMINDER_MINUTES)
      minutes_before
        .map { |minutes| occurrence.starts_at - (minutes * 60) }
        .select { |instant| instant > now }
        .sort
    end

    # The wall-clock time of an instant in a reader's zone, e.g. the client's own.
    def self.local_time(instant, time_zone)
      TZInfo::Timezone.get(time_zone).to_local(instant)
    rescue TZInfo::InvalidTimezoneIdentifier
      raise InvalidSchedule, :invalid_time_zone
    end

    def rrule_text
      recurrence == :weekly ? ["FREQ=WEEKLY", count && "COUNT=#{count}"].compact.join(";") : nil
    end

    private

    def zone_for(time_zone)
      raise InvalidSchedule, :invalid_time_zone unless time_zone.is_a?(String)
      TZInfo::Timezone.get(time_zone)
    rescue TZInfo::InvalidTimezoneIdentifier
      raise InvalidSchedule, :invalid_time_zone
    end

    def utc_for(local_start)
      match = LOCAL_TIME.match(local_start.to_s)
      raise InvalidSchedule, :invalid_local_time if match.nil?
      year, month, day, hour, minute = match.captures.map(&:to_i)
      unless Date.valid_date?(year, month, day) && hour < 24 && minute < 60
        raise InvalidSchedule, :invalid_local_time
      end
      Time.at(@zone.local_time(year, month, day, hour, minute, 0, 0, true).to_r).utc
    rescue TZInfo::PeriodNotFound
      raise InvalidSchedule, :nonexistent_local_time
    end

    def rule
      dtstart = first_starts_at.in_time_zone(time_zone)
      @rule ||= RRule::Rule.new(rrule_text, dtstart: dtstart, tzid: time_zone)
    end

    def occurrence_at(start)
      Occurrence.new(starts_at: start, ends_at: start + (length_minutes * 60))
    end
  end
end
