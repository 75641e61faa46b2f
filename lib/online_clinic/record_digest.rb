# frozen_string_literal: true

require "digest"
require_relative "audit_chain"

module OnlineClinic
  # The digest of one session's record, computed when the session ends and written into the
  # clinic's hash chain, so that a post, revision, timestamp or upload changed later behind
  # Discourse's back no longer matches (docs/record.md).
  #
  # Every post and upload gets its own digest (so a verifier can name WHICH one differs); the
  # record's digest is taken over the sorted list of those. Input arrays have no meaningful
  # order (the glue loads rows however the database returns them): posts and uploads are sorted
  # by id and revisions by number, and since ids and numbers are part of what is hashed,
  # changing one still changes the digest. Timestamps are hashed as AuditChain writes them
  # (milliseconds, "Z"), which is what the browser's Date can recompute.
  module RecordDigest
    VERSION = 1

    Result = Struct.new(:hex, :items, keyword_init: true)
    Difference = Struct.new(:kind, :id, :change, keyword_init: true)

    HEX40 = /\A\h{40}\z/
    HEX64 = /\A\h{64}\z/

    # posts:   [{ id, topic_id, post_number, user_id, raw, created_at, updated_at, deleted_at,
    #             revisions: [{ number, user_id, raw, created_at }] }]
    # uploads: [{ id, sha1 and/or sha256, filesize, original_filename }]
    # Keys may be strings or symbols; times are Time-like or "2026-12-04T20:00:00.000Z".
    # items: [{ "kind" => "post"|"upload", "id" => Integer, "digest" => hex }], sorted.
    def self.compute(posts:, uploads:)
      items =
        unique_sorted(posts.map { |post| post_item(post) }, "post") +
          unique_sorted(uploads.map { |upload| upload_item(upload) }, "upload")
      listed = items.map { |item| [item["kind"], item["id"], item["digest"]] }
      hex =
        Digest::SHA256.hexdigest(AuditChain.canonical_json({ "v" => VERSION, "items" => listed }))
      Result.new(hex: hex, items: items)
    end

    # Which items of a recorded digest no longer match: changed, missing (recorded, now gone)
    # or added (now present, not recorded). Items are compared by kind and id.
    def self.differences(recorded_items, current_items)
      recorded = index_items(recorded_items)
      current = index_items(current_items)
      (recorded.keys | current.keys).sort.filter_map do |kind, id|
        before = recorded[[kind, id]]
        after = current[[kind, id]]
        change =
          if after.nil?
            "missing"
          elsif before.nil?
            "added"
          elsif before != after
            "changed"
          end
        Difference.new(kind: kind, id: id, change: change) if change
      end
    end

    def self.post_item(post)
      revisions = Array(field(post, "revisions", default: []))
      payload = {
        "id" => integer(post, "id"),
        "topic_id" => integer(post, "topic_id"),
        "post_number" => integer(post, "post_number"),
        "user_id" => optional_integer(post, "user_id"),
        "raw" => text(post, "raw"),
        "created_at" => time(post, "created_at"),
        "updated_at" => time(post, "updated_at"),
        "deleted_at" => optional_time(post, "deleted_at"),
        "revisions" => sorted_revisions(revisions),
      }
      item("post", payload)
    end

    def self.upload_item(upload)
      sha1 = field(upload, "sha1", default: nil)
      sha256 = field(upload, "sha256", default: nil)
      if sha1.nil? && sha256.nil?
        raise ArgumentError,
              "upload #{field(upload, "id", default: "?")} has neither sha1 nor sha256"
      end
      raise ArgumentError, "sha1 must be 40 hex digits" if sha1 && !sha1.to_s.match?(HEX40)
      raise ArgumentError, "sha256 must be 64 hex digits" if sha256 && !sha256.to_s.match?(HEX64)

      payload = {
        "id" => integer(upload, "id"),
        "sha1" => sha1&.downcase,
        "sha256" => sha256&.downcase,
        "filesize" => optional_integer(upload, "filesize"),
        "original_filename" => field(upload, "original_filename", default: nil)&.to_s,
      }
      item("upload", payload)
    end

    def self.sorted_revisions(revisions)
      rows =
        revisions.map do |revision|
          {
            "number" => integer(revision, "number"),
            "user_id" => optional_integer(revision, "user_id"),
            "raw" => text(revision, "raw"),
            "created_at" => time(revision, "created_at"),
          }
        end
      numbers = rows.map { |row| row["number"] }
      if numbers.uniq.size != numbers.size
        raise ArgumentError, "revision numbers repeat: #{numbers.inspect}"
      end

      rows.sort_by { |row| row["number"] }
    end

    def self.item(kind, payload)
      {
        "kind" => kind,
        "id" => payload["id"],
        "digest" =>
          Digest::SHA256.hexdigest(AuditChain.canonical_json(payload.merge("kind" => kind))),
      }
    end

    def self.unique_sorted(items, kind)
      ids = items.map { |item| item["id"] }
      raise ArgumentError, "#{kind} ids repeat: #{ids.inspect}" if ids.uniq.size != ids.size

      items.sort_by { |item| item["id"] }
    end

    def self.index_items(items)
      items.to_h { |item| [[field(item, "kind").to_s, field(item, "id")], field(item, "digest")] }
    end

    def self.field(hash, key, default: :required)
      return hash[key] if hash.key?(key)
      return hash[key.to_sym] if hash.key?(key.to_sym)
      raise ArgumentError, "missing #{key}" if default == :required

      default
    end

    def self.integer(hash, key)
      value = field(hash, key)
      raise ArgumentError, "#{key} must be an integer: #{value.inspect}" if !value.is_a?(Integer)

      value
    end

    def self.optional_integer(hash, key)
      field(hash, key, default: nil).nil? ? nil : integer(hash, key)
    end

    def self.text(hash, key)
      value = field(hash, key)
      raise ArgumentError, "#{key} must be a string" if !value.is_a?(String)

      value
    end

    def self.time(hash, key)
      value = field(hash, key)
      return AuditChain.format_time(value) if value.respond_to?(:utc)
      return value if value.is_a?(String) && value.match?(AuditChain::CREATED_AT_FORMAT)

      raise ArgumentError, "#{key} must be a time or look like 2026-12-04T20:00:00.000Z"
    end

    def self.optional_time(hash, key)
      field(hash, key, default: nil).nil? ? nil : time(hash, key)
    end

    private_class_method :post_item,
                         :upload_item,
                         :sorted_revisions,
                         :item,
                         :unique_sorted,
                         :index_items,
                         :field,
                         :integer,
                         :optional_integer,
                         :text,
                         :time,
                         :optional_time
  end
end
