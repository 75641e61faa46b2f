# frozen_string_literal: true

# The preview's export: reads ONE JSON document on stdin describing a clinic and writes a real
# archive (OnlineClinic::ArchiveWriter, the same code the Discourse job runs) to stdout.
#   bundle exec ruby harness/preview/export-demo.rb < clinic.json > clinic.zip
# Exit 0 with the zip on stdout; exit 1 with one line on stderr when the input is wrong.
#
# Input (keys as ArchiveWriter takes them, docs/record.md; times "2026-12-04T20:00:00.000Z"):
#   {
#     "clinic":   { "id": 1, "name": "…", "kind": "individual", "created_at": "…" },
#     "members":  [{ "id": 1, "username": "avi", "name": "Avi", "role": "therapist" }],
#     "sessions": [{ "id": 1, "number": 1, "mode": "written", "started_at": "…",
#                    "ended_at": "…"|null, "summary": {…}|null, "topic_id": 3|null,
#                    "digest": "…"|null }],
#     "topics":   [{ "id": 3, "title": "…", "slug": "…", "created_at": "…",
#                    "posts": [{ "id": 10, "post_number": 1, "user_id": 1, "username": "avi",
#                                "raw": "…", "created_at": "…", "updated_at": "…",
#                                "deleted_at": null, "deleted_by_username": null,
#                                "upload_ids": [5],
#                                "revisions": [{ "number": 2, "username": "avi", "raw": "…",
#                                                "created_at": "…" }] }] }],
#     "uploads":  [{ "id": 5, "sha1": "<40 hex>", "original_filename": "a.pdf", "filesize": 123,
#                    "content_base64": "…" }                 the file's bytes, or
#                  { "id": 6, "sha1": "…", "original_filename": "b.png", "missing": true }],
#     "audit_entries": [ stored chain entries in seq order (AuditChain) ],
#     "exported_at": "…" (default now), "exporter": { "id": 1, "username": "avi" },
#     "locale": "en"|"he" (default "en")
#   }
require "base64"
require "json"
require "stringio"
require "tmpdir"
require_relative "../../lib/online_clinic/archive_writer"

module PreviewExportDemo
  MAX_INPUT_BYTES = 64 * 1024 * 1024

  class InputError < StandardError
  end

  def self.list(input, key)
    value = input.fetch(key, [])
    raise InputError, "#{key} must be a list" if !value.is_a?(Array)

    value
  end

  def self.uploads(input)
    list(input, "uploads").map do |upload|
      raise InputError, "each upload must be an object" if !upload.is_a?(Hash)

      row = upload.reject { |key, _| %w[content_base64 missing].include?(key) }
      content = upload["content_base64"]
      opener =
        if upload["missing"] == true || content.nil?
          -> { nil }
        else
          bytes = Base64.strict_decode64(content.to_s)
          -> { StringIO.new(bytes) }
        end
      row.merge("open" => opener)
    rescue ArgumentError
      raise InputError, "upload #{upload["id"]}: content_base64 is not base64"
    end
  end

  def self.write(input, out)
    raise InputError, "the input must be one JSON object" if !input.is_a?(Hash)
    raise InputError, "clinic must be an object" if !input["clinic"].is_a?(Hash)

    Dir.mktmpdir("preview-export") do |dir|
      path = File.join(dir, "clinic.zip")
      OnlineClinic::ArchiveWriter.new(
        clinic: input["clinic"],
        members: list(input, "members"),
        sessions: list(input, "sessions"),
        topics: list(input, "topics"),
        uploads: uploads(input),
        audit_entries: list(input, "audit_entries"),
        exported_at: input["exported_at"] || Time.now,
        exporter: input["exporter"] || {},
        locale: input["locale"] || "en",
      ).write(path)
      File.open(path, "rb") { |file| IO.copy_stream(file, out) }
    end
  end

  def self.run(stdin, stdout, stderr)
    text = stdin.read(MAX_INPUT_BYTES + 1).to_s
    if text.bytesize > MAX_INPUT_BYTES
      raise InputError, "the input is larger than #{MAX_INPUT_BYTES} bytes"
    end

    stdout.binmode
    write(JSON.parse(text), stdout)
    0
  rescue InputError, JSON::ParserError, ArgumentError, TypeError, KeyError => e
    stderr.puts("export-demo: #{e.message.lines.first.to_s.strip}")
    1
  end
end

exit(PreviewExportDemo.run($stdin, $stdout, $stderr)) if $PROGRAM_NAME == __FILE__
