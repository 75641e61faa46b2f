# frozen_string_literal: true

require "json"
require_relative "audit_chain"

module OnlineClinic
  # manifest.json of a clinic export (docs/record.md, "Manifest"): every other file of the
  # archive with its byte size and SHA-256, the uploads that could not be read, and the head of
  # the clinic's hash chain at export time. Written as AuditChain's canonical JSON so that the
  # same manifest always has the same bytes.
  class ArchiveManifest
    FORMAT = "online-clinic-archive"
    VERSION = 1
    FILE_NAME = "manifest.json"
    MISSING_REASONS = %w[not_found unreadable].freeze
    SHA256_FORMAT = /\A\h{64}\z/

    attr_reader :files, :missing

    # exporter: { "id" => Integer, "username" => String }; chain_head: the last audit entry
    # (anything with seq and entry_hash) or nil when the clinic has no entries.
    def initialize(clinic_id:, exported_at:, exporter:, chain_head:)
      if !exported_at.is_a?(String) || !exported_at.match?(AuditChain::CREATED_AT_FORMAT)
        raise ArgumentError, "exported_at must look like 2026-12-04T20:00:00.000Z"
      end
      raise ArgumentError, "clinic_id must be an integer" if !clinic_id.is_a?(Integer)

      @clinic_id = clinic_id
      @exported_at = exported_at
      @exporter = { "id" => value(exporter, "id"), "username" => value(exporter, "username") }
      @chain_head =
        chain_head &&
          { "seq" => value(chain_head, "seq"), "entry_hash" => value(chain_head, "entry_hash") }
      @files = []
      @missing = []
      @paths = {}
    end

    def self.valid_path?(path)
      path.is_a?(String) && !path.empty? && path != FILE_NAME && !path.start_with?("/") &&
        !path.include?("\\") &&
        path.split("/").none? { |part| part.empty? || part.start_with?(".") }
    end

    def add_file(path:, size:, sha256:)
      check_new_path(path)
      raise ArgumentError, "size must be a non-negative integer" if !size.is_a?(Integer) || size < 0
      raise ArgumentError, "sha256 must be 64 hex digits" if !sha256.to_s.match?(SHA256_FORMAT)

      @files << { "path" => path, "size" => size, "sha256" => sha256.downcase }
      self
    end

    # An upload the archive should have held but does not (or holds only in part: a read that
    # failed halfway leaves its bytes in the zip, listed here and not under files).
    def add_missing(path:, reason:, upload_id: nil)
      check_new_path(path)
      if !MISSING_REASONS.include?(reason)
        raise ArgumentError, "reason must be one of #{MISSING_REASONS.join(", ")}"
      end

      @missing << { "path" => path, "reason" => reason, "upload_id" => upload_id }
      self
    end

    def to_h
      {
        "format" => FORMAT,
        "version" => VERSION,
        "clinic_id" => @clinic_id,
        "exported_at" => @exported_at,
        "exporter" => @exporter,
        "chain_head" => @chain_head,
        "files" => @files.sort_by { |file| file["path"] },
        "missing" => @missing.sort_by { |file| file["path"] },
      }
    end

    def to_json(*_args)
      AuditChain.canonical_json(to_h)
    end

    # Reads a manifest back and checks its shape. Raises ArgumentError naming what is wrong.
    def self.parse(json)
      data = JSON.parse(json)
      raise ArgumentError, "manifest is not an object" if !data.is_a?(Hash)
      if data["format"] != FORMAT || data["version"] != VERSION
        raise ArgumentError, "not an online clinic archive manifest (format/version)"
      end

      files = data["files"]
      missing = data["missing"]
      if !files.is_a?(Array) || !missing.is_a?(Array)
        raise ArgumentError, "manifest has no file list"
      end

      files.each do |file|
        if !file.is_a?(Hash) || !valid_path?(file["path"]) || !file["size"].is_a?(Integer) ||
             !file["sha256"].to_s.match?(SHA256_FORMAT)
          raise ArgumentError, "manifest lists a malformed file: #{file.inspect}"
        end
      end
      paths = (files + missing).map { |file| file.is_a?(Hash) ? file["path"] : nil }
      raise ArgumentError, "manifest lists a path twice" if paths.uniq.size != paths.size

      head = data["chain_head"]
      if !head.nil? &&
           (!head.is_a?(Hash) || !head["seq"].is_a?(Integer) || !head["entry_hash"].is_a?(String))
        raise ArgumentError, "manifest's chain_head is malformed"
      end

      data
    rescue JSON::ParserError => e
      raise ArgumentError, "manifest is not valid JSON: #{e.message}"
    end

    private

    def check_new_path(path)
      if !self.class.valid_path?(path)
        raise ArgumentError, "not a path inside the archive: #{path.inspect}"
      end
      raise ArgumentError, "#{path} is already in the manifest" if @paths.key?(path)

      @paths[path] = true
    end

    def value(hash, key)
      hash.key?(key) ? hash[key] : hash[key.to_sym]
    end
  end
end
