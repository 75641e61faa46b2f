# frozen_string_literal: true

require "digest"
require "json"
require "zip"
require_relative "audit_chain"
require_relative "archive_manifest"

module OnlineClinic
  # Checks a clinic export against its own manifest and hash chain (docs/record.md, "Verify"):
  # every file's bytes, files missing or added, duplicate names, the audit chain in
  # audit-log.json, and that the manifest's chain head is the log's last entry. Problems carry a
  # code (for the plugin's translated verify view) and the file or seq they concern.
  class ArchiveVerifier
    CHUNK_SIZE = 64 * 1024
    AUDIT_LOG = "audit-log.json"

    Problem = Struct.new(:code, :path, :detail, keyword_init: true)

    Report =
      Struct.new(:problems, :notes, :files_checked, keyword_init: true) do
        def intact?
          problems.empty?
        end

        def to_s
          lines = problems.map { |problem| "FAIL #{ArchiveVerifier.describe(problem)}" }
          lines += notes.map { |note| "NOTE #{ArchiveVerifier.describe(note)}" }
          lines << if intact?
            "OK: #{files_checked} files match the manifest and the audit chain verifies."
          else
            "NOT INTACT: #{problems.size} problem(s) in #{files_checked} files checked."
          end
          lines.join("\n")
        end
      end

    MESSAGES = {
      "archive_unreadable" => "the file is not a readable zip archive",
      "duplicate_entries" => "the archive holds two entries with the same name",
      "manifest_missing" => "manifest.json is missing",
      "manifest_invalid" => "manifest.json cannot be used",
      "file_changed" => "bytes differ from the manifest",
      "file_missing" => "listed in the manifest but not in the archive",
      "file_extra" => "in the archive but not in the manifest",
      "file_unreadable" => "cannot be read from the archive",
      "audit_log_invalid" => "audit-log.json is not a list of audit entries",
      "chain_broken" => "the audit chain breaks",
      "chain_head_mismatch" => "the manifest's chain head is not the audit log's last entry",
      "upload_missing" => "was not available when the archive was made",
    }.freeze

    def self.describe(problem)
      [problem.path, MESSAGES.fetch(problem.code, problem.code), problem.detail].compact.join(": ")
    end

    def self.verify(path)
      new(path).verify
    end

    def initialize(path)
      @path = path
      @problems = []
      @notes = []
      @files_checked = 0
    end

    def verify
      ::Zip::File.open(@path) do |zip|
        if ::Zip::File.count_entries(@path) != zip.size
          problem(
            "duplicate_entries",
            nil,
            "#{::Zip::File.count_entries(@path)} entries, #{zip.size} names",
          )
        end
        manifest = read_manifest(zip)
        if manifest
          check_files(zip, manifest)
          check_chain(zip, manifest)
        end
      end
      report
    rescue ::Zip::Error, Errno::ENOENT, Errno::EACCES, Errno::EISDIR, IOError => e
      problem("archive_unreadable", nil, e.message)
      report
    end

    private

    def report
      Report.new(problems: @problems, notes: @notes, files_checked: @files_checked)
    end

    def problem(code, path, detail = nil)
      @problems << Problem.new(code: code, path: path, detail: detail)
    end

    def read_manifest(zip)
      entry = zip.find_entry(ArchiveManifest::FILE_NAME)
      if entry.nil?
        problem("manifest_missing", nil)
        return
      end

      ArchiveManifest.parse(read_text(entry))
    rescue ArgumentError, ::Zip::Error, Zlib::Error => e
      problem("manifest_invalid", nil, e.message)
      nil
    end

    def check_files(zip, manifest)
      listed = by_path(manifest["files"])
      declared_missing = by_path(manifest["missing"])

      zip
        .entries
        .sort_by(&:name)
        .each do |entry|
          next if entry.name == ArchiveManifest::FILE_NAME || entry.directory?

          expected = listed.delete(entry.name)
          # A read that failed halfway leaves its partial bytes; the manifest says so.
          next if expected.nil? && declared_missing.key?(entry.name)
          next problem("file_extra", entry.name) if expected.nil?

          check_file(entry, expected)
        end

      listed.each_key { |path| problem("file_missing", path) }
      declared_missing.each_value do |file|
        @notes << Problem.new(code: "upload_missing", path: file["path"], detail: file["reason"])
      end
    end

    def check_file(entry, expected)
      @files_checked += 1
      sha256 = Digest::SHA256.new
      size = 0
      each_chunk(entry) do |chunk|
        sha256 << chunk
        size += chunk.bytesize
      end
      if size != expected["size"] || sha256.hexdigest != expected["sha256"]
        problem(
          "file_changed",
          entry.name,
          "expected #{expected["size"]} bytes, sha256 #{expected["sha256"]}; " \
            "found #{size} bytes, sha256 #{sha256.hexdigest}",
        )
      end
    rescue ::Zip::Error, Zlib::Error, IOError => e
      problem("file_unreadable", entry.name, e.message)
    end

    # Reads the entry's stored bytes and inflates them here rather than through rubyzip's
    # Inflater, whose buffer grows with the compression ratio: this keeps memory bounded even for
    # a small entry that inflates to gigabytes.
    def each_chunk(entry)
      deflated = entry.compression_method == ::Zip::Entry::DEFLATED
      if entry.encrypted? || (!deflated && entry.compression_method != ::Zip::Entry::STORED)
        raise ::Zip::Error, "unsupported compression or encryption"
      end

      inflater = Zlib::Inflate.new(-Zlib::MAX_WBITS) if deflated
      entry.get_raw_input_stream do |io|
        io.seek(entry.local_header_offset, IO::SEEK_SET)
        ::Zip::Entry.read_local_entry(io)
        remaining = entry.compressed_size
        chunk = +""
        while remaining.positive? && io.read([CHUNK_SIZE, remaining].min, chunk)
          remaining -= chunk.bytesize
          deflated ? inflater.inflate(chunk) { |out| yield out } : yield(chunk)
        end
        raise ::Zip::Error, "entry is cut short" if remaining.positive?
      end
      inflater&.finish { |out| yield out }
    ensure
      inflater&.close
    end

    def check_chain(zip, manifest)
      entry = zip.find_entry(AUDIT_LOG)
      return if entry.nil? # already reported as missing against the manifest

      entries = JSON.parse(read_text(entry))
      return problem("audit_log_invalid", AUDIT_LOG) if !entries.is_a?(Array) || !entries.all?(Hash)

      verification = AuditChain.verify(entries)
      if !verification.valid
        problem("chain_broken", AUDIT_LOG, "first broken entry: seq #{verification.broken_at_seq}")
      end

      last = entries.last
      head = manifest["chain_head"]
      actual = last && { "seq" => last["seq"], "entry_hash" => last["entry_hash"] }
      if head != actual
        problem(
          "chain_head_mismatch",
          ArchiveManifest::FILE_NAME,
          "manifest says #{head_text(head)}, audit log ends at #{head_text(actual)}",
        )
      end
    rescue JSON::ParserError, ::Zip::Error, Zlib::Error => e
      problem("audit_log_invalid", AUDIT_LOG, e.message)
    end

    def by_path(files)
      by_path = {}
      files.each { |file| by_path[file["path"]] = file }
      by_path
    end

    def head_text(head)
      head ? "seq #{head["seq"]} (#{head["entry_hash"]})" : "no entries"
    end

    def read_text(entry)
      entry.get_input_stream(&:read).force_encoding(Encoding::UTF_8)
    end
  end
end
