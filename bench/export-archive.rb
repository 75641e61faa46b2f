# frozen_string_literal: true

# Exports a generated clinic of 2,000 posts and 200 files (about 200 MB) to a temporary zip and
# verifies it: bundle exec ruby bench/export-archive.rb
# Prints wall time, archive size and peak memory (VmHWM). The goal is memory bounded and well
# under the archive's size: upload bytes are generated on the fly, never held whole.
require "fileutils"
require "tmpdir"
require_relative "../lib/online_clinic/archive_writer"
require_relative "../lib/online_clinic/archive_verifier"

module ExportArchiveBench
  POSTS = 2_000
  POSTS_PER_TOPIC = 20
  FILES = 200
  FILE_SIZE = 1_000_000

  # Deterministic pseudo-random bytes, read like a file. Chunks are cut from one 2 MiB tape at
  # offsets drawn per file, so that, like File#read(length, buffer) on a real upload, reading makes
  # no garbage: a Random#bytes per chunk would leave 200 MB of dead strings for the GC and measure
  # the generator instead of the exporter.
  class GeneratedUpload
    TAPE = Random.new(2026).bytes(2 * 1024 * 1024).freeze
    HALF = TAPE.bytesize / 2

    def initialize(seed, size)
      @random = Random.new(seed)
      @remaining = size
    end

    def read(length, buffer = +"")
      return nil if @remaining.zero?

      count = [length, @remaining, HALF].min
      @remaining -= count
      buffer.clear << TAPE.byteslice(@random.rand(HALF), count)
    end

    def close
    end
  end

  def self.peak_rss_mb
    kb = File.read("/proc/self/status")[/^VmHWM:\s+(\d+) kB/, 1].to_i
    (kb / 1024.0).round(1)
  end

  def self.entry_at(previous, n)
    OnlineClinic::AuditChain.build_entry(
      previous,
      action: "client_added",
      actor_id: 1,
      details: {
        "username" => "client#{n}",
      },
      created_at: "2026-12-04T20:00:00.000Z",
    )
  end

  def self.run
    start_time = Time.utc(2026, 1, 1)
    topics =
      Enumerator.new do |yielder|
        (POSTS / POSTS_PER_TOPIC).times do |topic_index|
          posts =
            (1..POSTS_PER_TOPIC).map do |number|
              id = (topic_index * POSTS_PER_TOPIC) + number
              at = start_time + (id * 60)
              {
                id: id,
                post_number: number,
                user_id: 1 + (id % 2),
                raw: "פוסט #{id} — post #{id} 🌿 " + ("lorem ipsum dolor sit amet " * 40),
                created_at: at,
                updated_at: at,
                upload_ids: id <= FILES ? [id] : [],
                revisions: [],
              }
            end
          yielder << {
            id: topic_index + 1,
            title: "Topic #{topic_index + 1}",
            slug: "topic",
            posts: posts,
          }
        end
      end
    uploads =
      Enumerator.new do |yielder|
        FILES.times do |index|
          yielder << {
            id: index + 1,
            sha1: format("%040x", index + 1),
            original_filename: "scan-#{index + 1}.pdf",
            filesize: FILE_SIZE,
            open: -> { GeneratedUpload.new(index, FILE_SIZE) },
          }
        end
      end
    audit_entries =
      (1..500).each_with_object([]) { |n, entries| entries << entry_at(entries.last, n) }

    dir = Dir.mktmpdir("export-archive-bench")
    begin
      path = File.join(dir, "clinic.zip")
      baseline = peak_rss_mb
      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      OnlineClinic::ArchiveWriter.new(
        clinic: {
          id: 1,
          name: "Bench clinic",
        },
        members: [{ id: 1, username: "dana" }, { id: 2, username: "avi" }],
        sessions: [],
        topics: topics,
        uploads: uploads,
        audit_entries: audit_entries,
        exported_at: Time.now,
        exporter: {
          id: 2,
          username: "avi",
        },
      ).write(path)
      export_seconds = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started
      export_peak = peak_rss_mb

      started = Process.clock_gettime(Process::CLOCK_MONOTONIC)
      report = OnlineClinic::ArchiveVerifier.verify(path)
      verify_seconds = Process.clock_gettime(Process::CLOCK_MONOTONIC) - started

      size_mb = (File.size(path) / 1024.0 / 1024.0).round(1)
      puts "posts: #{POSTS}, files: #{FILES} x #{FILE_SIZE} bytes"
      puts "export: #{export_seconds.round(2)} s, archive #{size_mb} MB"
      puts "peak RSS: #{baseline} MB before export, #{export_peak} MB after export"
      puts "verify: #{verify_seconds.round(2)} s, #{report.intact? ? "intact" : "NOT INTACT"} " \
             "(#{report.files_checked} files), peak RSS #{peak_rss_mb} MB"
      exit(report.intact? && export_peak < size_mb ? 0 : 1)
    ensure
      FileUtils.remove_entry(dir)
    end
  end
end

ExportArchiveBench.run
