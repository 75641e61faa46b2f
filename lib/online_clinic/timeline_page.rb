# frozen_string_literal: true

require "base64"
require "json"
require "time"

module OnlineClinic
  # One page of a clinic's timeline (docs/contract.md, "## Record"), merged from per-source rows
  # that each arrive sorted by (at, id). Pure: the glue runs one bounded query per source, asks
  # #source_condition what each must skip, and hands the rows here.
  #
  # Order: (at_ms, source, id). Several kinds come from one source (the audit log gives clinic,
  # membership and record entries) and a source's rows are ordered by (at, id) only, so the
  # source rather than the kind breaks ties: the order a database query returns within a source is
  # then the page's order, and a cursor names exactly where each source resumes.
  module TimelinePage
    KINDS = %w[clinic membership session topic post folder_item screen video_call record].freeze

    # Sources in tie-break order, and the kinds each yields.
    SOURCES = {
      "audit" => %w[clinic membership record],
      "session" => %w[session],
      "topic" => %w[topic],
      "post" => %w[post],
      "folder_item" => %w[folder_item],
      "screen" => %w[screen],
      "video_call" => %w[video_call],
    }.freeze
    SOURCE_RANK = SOURCES.keys.each_with_index.to_h.freeze

    DEFAULT_LIMIT = 100
    MAX_LIMIT = 200
    CURSOR_VERSION = 1

    class InvalidParameter < ArgumentError
      attr_reader :reason

      def initialize(reason)
        @reason = reason
        super(reason.to_s)
      end
    end

    # at_ms: Integer milliseconds; source: a SOURCES key; id: the row's id within its source.
    Cursor = Struct.new(:at_ms, :source, :id, keyword_init: true)
    Page = Struct.new(:entries, :next_cursor, keyword_init: true)

    def self.source_of(kind)
      SOURCES.each { |source, kinds| return source if kinds.include?(kind.to_s) }
      raise ArgumentError, "unknown timeline kind: #{kind.inspect}"
    end

    def self.encode_cursor(cursor)
      json = JSON.generate([CURSOR_VERSION, cursor.at_ms, cursor.source, cursor.id])
      Base64.urlsafe_encode64(json, padding: false)
    end

    # Anything but a cursor this module wrote raises InvalidParameter(:invalid_cursor).
    def self.decode_cursor(text)
      return nil if text.nil? || text == ""
      raise InvalidParameter, :invalid_cursor if !text.is_a?(String) || text.length > 200

      version, at_ms, source, id = JSON.parse(Base64.urlsafe_decode64(text))
      valid =
        version == CURSOR_VERSION && at_ms.is_a?(Integer) && SOURCE_RANK.key?(source) &&
          id.is_a?(Integer)
      raise InvalidParameter, :invalid_cursor if !valid

      Cursor.new(at_ms: at_ms, source: source, id: id)
    rescue ArgumentError, JSON::ParserError, TypeError, NoMethodError => e
      raise e if e.is_a?(InvalidParameter)

      raise InvalidParameter, :invalid_cursor
    end

    # "post,session" → %w[post session]; nil or "" → every kind.
    def self.parse_kinds(text)
      return KINDS.dup if text.nil? || text.to_s.strip.empty?

      kinds = text.to_s.split(",").map(&:strip).reject(&:empty?).uniq
      raise InvalidParameter, :invalid_kinds if kinds.empty? || (kinds - KINDS).any?

      kinds
    end

    def self.parse_limit(value)
      return DEFAULT_LIMIT if value.nil? || value.to_s.empty?

      limit = Integer(value.to_s, 10, exception: false)
      raise InvalidParameter, :invalid_limit if limit.nil? || limit < 1

      [limit, MAX_LIMIT].min
    end

    # "2026-12-04" or an ISO 8601 time → milliseconds; jumping to a date starts at its first entry.
    def self.parse_from(text)
      return nil if text.nil? || text.to_s.empty?

      value = text.to_s
      unless value.match?(/\A\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?\z/)
        raise InvalidParameter, :invalid_from
      end

      value += "T00:00:00Z" if value.length == 10
      (Time.iso8601(value.tr(" ", "T")).to_r * 1000).floor
    rescue ArgumentError => e
      raise e if e.is_a?(InvalidParameter)

      raise InvalidParameter, :invalid_from
    end

    # The start of the page: the cursor, else just before `from` (so its first entry is included).
    def self.start(cursor:, from_ms:)
      return cursor if cursor
      return nil if from_ms.nil?

      Cursor.new(at_ms: from_ms - 1, source: SOURCES.keys.last, id: Float::INFINITY)
    end

    # What one source's query must return: rows with at > at_ms, or at == at_ms and id > id when
    # the source is the cursor's own, or at >= at_ms when the source ranks after the cursor's.
    #   { op: :all } | { op: :after, at_ms: } | { op: :at_or_after, at_ms: }
    #   | { op: :after_id, at_ms:, id: }
    def self.source_condition(start, source)
      return { op: :all } if start.nil?

      rank = SOURCE_RANK.fetch(source)
      start_rank = SOURCE_RANK.fetch(start.source)
      if rank > start_rank
        { op: :at_or_after, at_ms: start.at_ms }
      elsif rank < start_rank || !start.id.is_a?(Integer)
        { op: :after, at_ms: start.at_ms }
      else
        { op: :after_id, at_ms: start.at_ms, id: start.id }
      end
    end

    # rows_by_source: { source => [{ at_ms:, id:, entry: }] } each sorted by (at_ms, id) and each
    # holding at most limit + 1 rows past the start. Returns the first `limit` in order and, when
    # more remain, the cursor after the last one.
    def self.merge(rows_by_source, limit:, start: nil)
      candidates = []
      rows_by_source.each do |source, rows|
        rank = SOURCE_RANK.fetch(source.to_s)
        rows.each do |row|
          next if start && !after?(row, rank, start)

          candidates << [row[:at_ms], rank, row[:id], source.to_s, row]
        end
      end
      candidates.sort_by! { |at_ms, rank, id, _source, _row| [at_ms, rank, id] }
      taken = candidates.first(limit)
      next_cursor =
        if candidates.size > limit
          at_ms, _rank, id, source, _row = taken.last
          encode_cursor(Cursor.new(at_ms: at_ms, source: source, id: id))
        end
      Page.new(entries: taken.map { |candidate| candidate.last[:entry] }, next_cursor: next_cursor)
    end

    def self.after?(row, rank, start)
      start_rank = SOURCE_RANK.fetch(start.source)
      return row[:at_ms] > start.at_ms if row[:at_ms] != start.at_ms
      return rank > start_rank if rank != start_rank

      start.id.is_a?(Integer) && row[:id] > start.id
    end

    private_class_method :after?
  end
end
