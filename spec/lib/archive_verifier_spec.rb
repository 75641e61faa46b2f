# frozen_string_literal: true

require "open3"
require "rbconfig"
require "stringio"
require "tmpdir"
require "zip"

RSpec.describe OnlineClinic::ArchiveVerifier do
  let(:dir) { Dir.mktmpdir("archive-verifier-spec") }
  let(:zip_path) { File.join(dir, "clinic.zip") }
  let(:upload_bytes) { "PNG-BYTES-" + ("x" * 5000) + "-END" }
  let(:upload_path) { "uploads/#{"a" * 40}-drawing.png" }
  let(:audit_entries) do
    (1..3).each_with_object([]) do |n, entries|
      entries << OnlineClinic::AuditChain.build_entry(
        entries.last,
        action: "client_added",
        actor_id: 1,
        details: {
          "username" => "avi#{n}",
        },
        created_at: format("2026-12-04T20:00:%02d.000Z", n),
      )
    end
  end
  let(:extra_uploads) { [] }

  before do
    OnlineClinic::ArchiveWriter.new(
      clinic: {
        id: 5,
        name: "קליניקה",
      },
      members: [{ id: 1, username: "dana" }],
      sessions: [],
      topics: [{ id: 10, title: "שלום 🌿", slug: "", posts: [] }],
      uploads:
        [
          {
            id: 7,
            sha1: "a" * 40,
            original_filename: "drawing.png",
            open: -> { StringIO.new(upload_bytes) },
          },
        ] + extra_uploads,
      audit_entries: audit_entries,
      exported_at: "2026-12-04T21:00:00.000Z",
      exporter: {
        id: 1,
        username: "dana",
      },
    ).write(zip_path)
  end

  after { FileUtils.remove_entry(dir) }

  def verify
    described_class.verify(zip_path)
  end

  def codes_and_paths(report)
    report.problems.map { |problem| [problem.code, problem.path] }
  end

  # Writes the archive anew, entry by entry, letting the block change (return new bytes) or
  # drop (return nil) an entry; `add` appends entries.
  def rewrite(add: {})
    files =
      Zip::File.open(zip_path) do |zip|
        zip.entries.map { |e| [e.name, e.get_input_stream(&:read)] }
      end
    Zip::OutputStream.open(zip_path) do |out|
      files.each do |name, bytes|
        bytes = yield(name, bytes) if block_given?
        next if bytes.nil?

        out.put_next_entry(name)
        out << bytes
      end
      add.each do |name, bytes|
        out.put_next_entry(name)
        out << bytes
      end
    end
  end

  # Rewrites a file and its manifest line together, as someone covering their tracks would.
  def rewrite_consistently(target)
    rewrite do |name, bytes|
      bytes = yield(bytes) if name == target
      @new_bytes = bytes if name == target
      bytes
    end
    rewrite do |name, bytes|
      next bytes if name != "manifest.json"

      manifest = JSON.parse(bytes)
      line = manifest["files"].find { |file| file["path"] == target }
      line["size"] = @new_bytes.bytesize
      line["sha256"] = Digest::SHA256.hexdigest(@new_bytes)
      OnlineClinic::AuditChain.canonical_json(manifest)
    end
  end

  it "finds a freshly written archive intact" do
    report = verify
    expect(report.problems).to be_empty
    expect(report.intact?).to be(true)
    expect(report.files_checked).to eq(5)
    expect(report.to_s).to include("OK: 5 files")
  end

  it "names the file when one byte of the archive is changed" do
    bytes = File.binread(zip_path)
    offset = bytes.index("PNG-BYTES-")
    bytes.setbyte(offset + 2, bytes.getbyte(offset + 2) ^ 1)
    File.binwrite(zip_path, bytes)

    report = verify
    expect(codes_and_paths(report)).to eq([["file_changed", upload_path]])
    expect(report.to_s).to include("FAIL #{upload_path}: bytes differ from the manifest")
  end

  it "names a compressed file whose content was edited" do
    rewrite do |name, bytes|
      name == "record.json" ? bytes.force_encoding("UTF-8").sub("קליניקה", "קליניקא") : bytes
    end
    expect(codes_and_paths(verify)).to eq([%w[file_changed record.json]])
  end

  it "names a removed file" do
    rewrite { |name, bytes| name == upload_path ? nil : bytes }
    expect(codes_and_paths(verify)).to eq([["file_missing", upload_path]])
  end

  it "names an added file" do
    rewrite(add: { "uploads/planted.txt" => "not from the clinic" })
    expect(codes_and_paths(verify)).to eq([%w[file_extra uploads/planted.txt]])
  end

  it "notices two entries with the same name" do
    # rubyzip cannot write a repeated name, so write another name of the same length and rename
    # it in the raw bytes, as a hand-made zip could have it.
    rewrite(add: { "record.jsoX" => "{}" })
    File.binwrite(zip_path, File.binread(zip_path).gsub("record.jsoX", "record.json"))
    expect(verify.problems.map(&:code)).to include("duplicate_entries")
  end

  it "names the first broken seq when an audit entry was altered, even with the manifest updated" do
    rewrite_consistently("audit-log.json") do |bytes|
      log = JSON.parse(bytes)
      log[1]["details"]["username"] = "someone_else"
      OnlineClinic::AuditChain.canonical_json(log)
    end

    report = verify
    expect(codes_and_paths(report)).to eq([%w[chain_broken audit-log.json]])
    expect(report.to_s).to include("first broken entry: seq 2")
  end

  it "breaks the chain when two entries swap places" do
    rewrite_consistently("audit-log.json") do |bytes|
      log = JSON.parse(bytes)
      log[1], log[2] = log[2], log[1]
      OnlineClinic::AuditChain.canonical_json(log)
    end
    expect(verify.problems.map(&:code)).to include("chain_broken")
  end

  it "reports a manifest whose chain head is not the log's last entry" do
    rewrite_consistently("audit-log.json") do |bytes|
      OnlineClinic::AuditChain.canonical_json(JSON.parse(bytes).first(2))
    end

    report = verify
    expect(codes_and_paths(report)).to eq([%w[chain_head_mismatch manifest.json]])
    expect(report.to_s).to include("manifest says seq 3", "audit log ends at seq 2")
  end

  it "reports an archive without a manifest" do
    rewrite { |name, bytes| name == "manifest.json" ? nil : bytes }
    expect(codes_and_paths(verify)).to eq([["manifest_missing", nil]])
  end

  it "reports a file that is not a zip" do
    File.write(zip_path, "hello")
    expect(verify.problems.map(&:code)).to eq(["archive_unreadable"])
  end

  context "when an upload could not be exported" do
    let(:extra_uploads) do
      [
        { id: 8, sha1: "b" * 40, original_filename: "gone.pdf", open: -> {} },
        {
          id: 9,
          sha1: "c" * 40,
          original_filename: "cut.bin",
          open: -> do
            io = StringIO.new("z" * 200_000)
            io.define_singleton_method(:read) { |*args| pos.zero? ? super(*args) : raise(IOError) }
            io
          end,
        },
      ]
    end

    it "is intact as far as it goes and says which uploads are missing" do
      report = verify
      expect(report.intact?).to be(true)
      expect(report.notes.map { |note| [note.path, note.detail] }).to eq(
        [
          ["uploads/#{"b" * 40}-gone.pdf", "not_found"],
          ["uploads/#{"c" * 40}-cut.bin", "unreadable"],
        ],
      )
      expect(report.to_s).to include("NOTE uploads/#{"b" * 40}-gone.pdf: was not available")
    end
  end

  describe "bin/verify-archive" do
    let(:command) { File.expand_path("../../bin/verify-archive", __dir__) }

    it "exits 0 for an intact archive" do
      output, status = Open3.capture2e(RbConfig.ruby, command, zip_path)
      expect([status.exitstatus, output]).to match([0, /OK: 5 files/])
    end

    it "exits non-zero and names the changed file" do
      rewrite { |name, bytes| name == upload_path ? bytes + "!" : bytes }
      output, status = Open3.capture2e(RbConfig.ruby, command, zip_path)
      expect(status.exitstatus).to eq(1)
      expect(output).to include("FAIL #{upload_path}: bytes differ", "NOT INTACT")
    end

    it "explains its usage when given no file" do
      output, status = Open3.capture2e(RbConfig.ruby, command)
      expect([status.exitstatus, output]).to eq([2, "usage: bin/verify-archive FILE.zip\n"])
    end
  end
end
