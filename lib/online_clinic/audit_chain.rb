# frozen_string_literal: true

require "digest"
require "json"

module OnlineClinic
  # The clinic's audit log is a hash chain (docs/contract.md, "Hash chain"):
  #
  #   entry_hash = hex(SHA-256(prev_hash + "\n" + canonical_json(payload)))
  #   payload    = { seq, action, actor_id, details, created_at }
  #
  # The browser re-verifies the chain with JSON.stringify and WebCrypto, so canonical_json must
  # give byte for byte what JSON.stringify gives for the same value with its object keys sorted
  # by JavaScript's default sort. It is written out here instead of calling JSON.generate so that
  # it does not depend on the json gem's version. What JSON.stringify does, and so this does:
  # - escapes only '"', '\\' and U+0000..U+001F: \b \f \n \r \t by name, the rest as \u00xx with
  #   lowercase hex; "/", U+007F, U+2028 and U+2029 stay as they are;
  # - sorts keys by UTF-16 code units (Array.prototype.sort), which differs from Ruby's byte
  #   order once a key mixes characters above U+FFFF with ones in U+E000..U+FFFF.
  # Only strings, integers within JavaScript's safe range, true, false, nil, arrays and hashes
  # with string or symbol keys are accepted: floats and anything else raise ArgumentError,
  # because the two languages would not write them alike.
  #
  # created_at must be stored exactly as hashed (milliseconds, "Z"): a timestamp column keeps
  # microseconds, so truncate to milliseconds before saving or keep the string.
  module AuditChain
    GENESIS = "0" * 64

    PAYLOAD_KEYS = %w[seq action actor_id details created_at].freeze
    CREATED_AT_FORMAT = /\A\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z\z/
    MAX_SAFE_INTEGER = (2**53) - 1

    STRING_ESCAPES = {
      '"' => '\\"',
      "\\" => "\\\\",
      "\b" => "\\b",
      "\f" => "\\f",
      "\n" => "\\n",
      "\r" => "\\r",
      "\t" => "\\t",
    }.freeze

    Verification = Struct.new(:valid, :broken_at_seq)

    def self.canonical_json(obj)
      case obj
      when String
        canonical_string(obj)
      when Integer
        if obj.abs > MAX_SAFE_INTEGER
          raise ArgumentError, "integer outside JavaScript's safe range: #{obj}"
        end
        obj.to_s
      when true
        "true"
      when false
        "false"
      when nil
        "null"
      when Array
        "[#{obj.map { |item| canonical_json(item) }.join(",")}]"
      when Hash
        canonical_object(obj)
      else
        raise ArgumentError, "cannot hash a #{obj.class} in the audit chain: #{obj.inspect}"
      end
    end

    def self.entry_hash(prev_hash:, payload:)
      Digest::SHA256.hexdigest("#{prev_hash}\n#{canonical_json(payload)}")
    end

    # Time (or anything with #utc) -> "2026-12-04T20:00:00.000Z", the only form created_at takes.
    def self.format_time(time)
      time.utc.strftime("%Y-%m-%dT%H:%M:%S.%LZ")
    end

    # Returns { seq:, action:, actor_id:, details:, created_at:, prev_hash:, entry_hash: }.
    # prev_entry may use string or symbol keys (a stored entry, or one built here).
    def self.build_entry(prev_entry, action:, actor_id:, details:, created_at:)
      if !created_at.is_a?(String) || !created_at.match?(CREATED_AT_FORMAT)
        raise ArgumentError, "created_at must look like 2026-12-04T20:00:00.000Z"
      end

      seq = prev_entry.nil? ? 1 : field(prev_entry, "seq") + 1
      prev_hash = prev_entry.nil? ? GENESIS : field(prev_entry, "entry_hash")
      payload = {
        "seq" => seq,
        "action" => action.to_s,
        "actor_id" => actor_id,
        "details" => details,
        "created_at" => created_at,
      }

      {
        seq: seq,
        action: payload["action"],
        actor_id: actor_id,
        details: details,
        created_at: created_at,
        prev_hash: prev_hash,
        entry_hash: entry_hash(prev_hash: prev_hash, payload: payload),
      }
    end

    # Entries in seq order, with string or symbol keys. broken_at_seq is the seq the first bad
    # entry claims (so a reader can point at it), or the seq it should have had if it claims none.
    def self.verify(entries)
      expected_prev_hash = GENESIS

      entries.each_with_index do |entry, index|
        expected_seq = index + 1
        seq = field(entry, "seq")
        broken = Verification.new(false, seq.is_a?(Integer) ? seq : expected_seq)

        return broken if seq != expected_seq || field(entry, "prev_hash") != expected_prev_hash
        return broken if !intact?(entry, expected_prev_hash)

        expected_prev_hash = field(entry, "entry_hash")
      end

      Verification.new(true, nil)
    end

    def self.intact?(entry, prev_hash)
      payload = PAYLOAD_KEYS.to_h { |key| [key, field(entry, key)] }
      entry_hash(prev_hash: prev_hash, payload: payload) == field(entry, "entry_hash")
    rescue ArgumentError
      false
    end

    def self.field(entry, key)
      entry.key?(key) ? entry[key] : entry[key.to_sym]
    end

    def self.canonical_string(string)
      utf8 = string.encoding == Encoding::UTF_8 ? string : string.encode(Encoding::UTF_8)
      raise ArgumentError, "string is not valid UTF-8: #{string.inspect}" if !utf8.valid_encoding?

      escaped =
        utf8.gsub(/["\\\u0000-\u001f]/) do |char|
          STRING_ESCAPES[char] || format("\\u%04x", char.ord)
        end
      "\"#{escaped}\""
    rescue EncodingError
      raise ArgumentError, "string cannot be written as UTF-8: #{string.inspect}"
    end

    def self.canonical_object(hash)
      members =
        hash.map do |key, value|
          if !key.is_a?(String) && !key.is_a?(Symbol)
            raise ArgumentError, "object keys must be strings: #{key.inspect}"
          end
          [canonical_string(key.to_s), key.to_s, value]
        end
      if members.map(&:first).uniq.size != members.size
        raise ArgumentError, "duplicate key once symbols are strings: #{hash.keys.inspect}"
      end

      members
        .sort_by { |_, key, _| key.encode(Encoding::UTF_8).encode(Encoding::UTF_16BE).bytes }
        .map { |json_key, _, value| "#{json_key}:#{canonical_json(value)}" }
        .join(",")
        .then { |body| "{#{body}}" }
    end

    private_class_method :intact?, :field, :canonical_string, :canonical_object
  end
end
