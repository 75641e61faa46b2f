# frozen_string_literal: true

module OnlineClinic
  # An iCalendar file (RFC 5545) for one session. The calendar must not reveal therapy: the summary
  # is the neutral title the caller passes in (translated "Appointment"), there is no description,
  # location or attendee, and the link points at the session without naming the clinic. Written by
  # hand because it is a dozen lines; the rules that matter are tested: CRLF line ends, lines
  # folded at 75 octets without splitting a character, TEXT escaped, times in UTC.
  module SessionIcs
    PRODID = "-//discourse-online-clinic//sessions//EN"
    MAX_OCTETS = 75

    # uid: stable and unique per session, e.g. "session-42@forum.example" (the same uid lets a
    # calendar update the event when the time changes; sequence counts those changes).
    def self.build(uid:, starts_at:, ends_at:, summary:, url:, stamp:, sequence: 0)
      raise ArgumentError, "ends before it starts" if ends_at <= starts_at
      raise ArgumentError, "url must be http(s)" unless %r{\Ahttps?://[^\s]+\z}.match?(url.to_s)
      lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:#{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        "UID:#{escape_text(uid)}",
        "SEQUENCE:#{Integer(sequence)}",
        "DTSTAMP:#{utc(stamp)}",
        "DTSTART:#{utc(starts_at)}",
        "DTEND:#{utc(ends_at)}",
        "SUMMARY:#{escape_text(summary)}",
        "URL:#{url}",
        "TRANSP:OPAQUE",
        "END:VEVENT",
        "END:VCALENDAR",
      ]
      lines.map { |line| fold(line) }.join("\r\n") + "\r\n"
    end

    def self.utc(time)
      time.getutc.strftime("%Y%m%dT%H%M%SZ")
    end

    # RFC 5545 3.3.11: backslash, semicolon, comma and newlines.
    def self.escape_text(text)
      text.to_s.gsub(/[\\;,]/) { |char| "\\#{char}" }.gsub(/\r\n|\r|\n/, "\\n")
    end

    # RFC 5545 3.1: at most 75 octets a line; continuation lines start with one space.
    def self.fold(line)
      parts = []
      current = +""
      limit = MAX_OCTETS
      line.each_char do |char|
        if current.bytesize + char.bytesize > limit
          parts << current
          current = +""
          limit = MAX_OCTETS - 1
        end
        current << char
      end
      parts << current
      parts.join("\r\n ")
    end
  end
end
