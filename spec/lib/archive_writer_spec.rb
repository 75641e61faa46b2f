# frozen_string_literal: true

require "stringio"
require "tmpdir"
require "zip"

RSpec.describe OnlineClinic::ArchiveWriter do
  let(:dir) { Dir.mktmpdir("archive-writer-spec") }
  let(:zip_path) { File.join(dir, "clinic.zip") }
  let(:drawing) { Random.new(7).bytes(200_000) }
  let(:post_raw) { "<script>alert(1)</script> שלום, היום התחלתי 🌿" }
  let(:audit_entries) do
    first =
      OnlineClinic::AuditChain.build_entry(
        nil,
        action: "clinic_opened",
        actor_id: 1,
        details: {
          "name" => "קליניקה",
        },
        created_at: "2026-12-04T20:00:00.000Z",
      )
    [
      first,
      OnlineClinic::AuditChain.build_entry(
        first,
        action: "clinic_exported",
        actor_id: 2,
        details: {
        },
        created_at: "2026-12-04T21:00:00.000Z",
      ),
    ]
  end
  let(:uploads) do
    [
      {
        id: 7,
        sha1: "a" * 40,
        original_filename: "../../ציור שלי.png",
        filesize: drawing.bytesize,
        open: -> { StringIO.new(drawing) },
      },
    ]
  end

  after { FileUtils.remove_entry(dir) }

  def write(uploads: self.uploads)
    described_class.new(
      clinic: {
        id: 5,
        name: "קליניקה של אבי",
        kind: "individual",
        created_at: Time.utc(2026, 12, 1),
      },
      members: [
        { id: 1, username: "dana", role: "therapist" },
        { id: 2, username: "avi", role: "client" },
      ],
      sessions: [
        { id: 3, number: 1, mode: "written", started_at: "2026-12-04T20:00:00.000Z", topic_id: 10 },
      ],
      topics: [
        {
          id: 10,
          title: "First session",
          slug: "first-session",
          folder: "Letters",
          posts: [
            {
              id: 100,
              post_number: 1,
              user_id: 2,
              username: "avi",
              raw: post_raw,
              created_at: "2026-12-04T20:00:00.000Z",
              updated_at: "2026-12-04T20:05:00.000Z",
              upload_ids: [7, 8],
              revisions: [
                {
                  number: 2,
                  username: "avi",
                  raw: "earlier words",
                  created_at: "2026-12-04T20:05:00.000Z",
                },
              ],
            },
          ],
        },
      ],
      uploads: uploads,
      audit_entries: audit_entries,
      exported_at: "2026-12-04T21:00:00.000Z",
      exporter: {
        id: 2,
        username: "avi",
      },
    ).write(zip_path)
  end

  def entries
    Zip::File.open(zip_path) do |zip|
      zip.entries.to_h { |entry| [entry.name, entry.get_input_stream(&:read)] }
    end
  end

  let(:upload_path) { "uploads/#{"a" * 40}-_.png" }

  it "lays out the reader, the record, Markdown per topic, the uploads, the audit log and the manifest last" do
    write
    names = Zip::File.open(zip_path) { |zip| zip.entries.map(&:name) }
    expect(names).to contain_exactly(
      "index.html",
      "record.json",
      "markdown/10-first-session.md",
      upload_path,
      "audit-log.json",
      "manifest.json",
    )
    expect(names.last).to eq("manifest.json")
  end

  it "keeps the original upload bytes, however many chunks they take" do
    write
    expect(entries[upload_path].b).to eq(drawing)
  end

  it "lists every other file in the manifest with its real size and SHA-256" do
    result = write
    files = entries
    manifest = JSON.parse(files.delete("manifest.json"))
    expect(manifest).to eq(result.manifest)
    expect(manifest["files"].map { |file| file["path"] }).to match_array(files.keys)
    manifest["files"].each do |file|
      bytes = files.fetch(file["path"]).b
      expect([file["size"], file["sha256"]]).to eq(
        [bytes.bytesize, Digest::SHA256.hexdigest(bytes)],
      )
    end
    expect(manifest["chain_head"]).to eq(
      "seq" => 2,
      "entry_hash" => audit_entries.last[:entry_hash],
    )
  end

  it "round-trips Hebrew and emoji text through record.json and the Markdown" do
    write
    record = JSON.parse(entries["record.json"].force_encoding("UTF-8"))
    expect(record["clinic"]["name"]).to eq("קליניקה של אבי")
    expect(record["topics"][0]["posts"][0]["raw"]).to eq(post_raw)
    expect(record["uploads"][0]).to include(
      "original_filename" => "../../ציור שלי.png",
      "path" => upload_path,
      "status" => "included",
    )
    markdown = entries["markdown/10-first-session.md"].force_encoding("UTF-8")
    expect(markdown).to include(post_raw, "earlier words", "../#{upload_path}")
  end

  it "says which folder a topic was filed in, in record.json and its Markdown" do
    write
    record = JSON.parse(entries["record.json"].force_encoding("UTF-8"))
    expect(record["topics"][0]["folder"]).to eq("Letters")
    expect(entries["markdown/10-first-session.md"]).to include("_Folder: Letters_")
  end

  it "writes record.json as canonical JSON" do
    write
    json = entries["record.json"].force_encoding("UTF-8")
    expect(json).to eq(OnlineClinic::AuditChain.canonical_json(JSON.parse(json)))
  end

  it "writes the audit log as the chain entries, in order" do
    write
    log = JSON.parse(entries["audit-log.json"])
    expect(log.map { |entry| entry["entry_hash"] }).to eq(
      audit_entries.map { |entry| entry[:entry_hash] },
    )
    expect(OnlineClinic::AuditChain.verify(log).valid).to be(true)
  end

  describe "index.html" do
    let(:html) do
      write
      entries["index.html"].force_encoding("UTF-8")
    end

    it "carries user text only inside the JSON block, escaped so that it cannot become markup" do
      expect(html).not_to include("<script>alert(1)</script>")
      expect(html).to include("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e")
      expect(html.scan("<script").size).to eq(3)
    end

    it "inserts text with textContent and never parses it as HTML" do
      expect(html).to include("textContent")
      expect(html).not_to match(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|eval\(/)
    end

    it "needs no network" do
      expect(html).to include("default-src 'none'")
      expect(html).not_to match(%r{(src|href)=["']?(https?:)?//})
    end

    it "has English and Hebrew strings and turns right-to-left for Hebrew" do
      expect(html).to include("Audit log", "יומן ביקורת")
      expect(html).to include('document.documentElement.dir = lang === "he" ? "rtl" : "ltr"')
    end

    it "embeds the same record as record.json" do
      data = html[%r{<script type="application/json" id="clinic-record">(.*?)</script>}m, 1]
      expect(JSON.parse(data)["record"]).to eq(JSON.parse(entries["record.json"]))
      expect(JSON.parse(data)["audit_log"]).to eq(JSON.parse(entries["audit-log.json"]))
    end
  end

  context "when an upload is gone" do
    let(:uploads) do
      super() +
        [
          {
            id: 8,
            sha1: "b" * 40,
            original_filename: "gone.pdf",
            open: -> { raise Errno::ENOENT, "x" },
          },
        ]
    end

    it "says which upload is missing and why, and writes everything else" do
      result = write
      expect(result.manifest["missing"]).to eq(
        [{ "path" => "uploads/#{"b" * 40}-gone.pdf", "reason" => "not_found", "upload_id" => 8 }],
      )
      expect(entries.keys).to include(
        upload_path,
        "record.json",
        "index.html",
        "markdown/10-first-session.md",
      )
      expect(JSON.parse(entries["record.json"])["uploads"].map { |upload| upload["status"] }).to eq(
        %w[included not_found],
      )
      expect(entries["markdown/10-first-session.md"].force_encoding("UTF-8")).to include(
        "gone.pdf](../uploads/#{"b" * 40}-gone.pdf) (missing from this archive)",
      )
    end
  end

  context "when an upload fails halfway through" do
    let(:failing_io) do
      io = StringIO.new(Random.new(1).bytes(200_000))
      calls = 0
      io.define_singleton_method(:read) do |*args|
        calls += 1
        raise IOError, "connection reset" if calls == 2
        super(*args)
      end
      io
    end
    let(:uploads) do
      super() + [{ id: 9, sha1: "c" * 40, original_filename: "cut.bin", open: -> { failing_io } }]
    end

    it "lists it as unreadable instead of as a complete file" do
      result = write
      expect(result.manifest["missing"].map { |file| file["reason"] }).to eq(["unreadable"])
      expect(result.manifest["files"].map { |file| file["path"] }).not_to include(
        "uploads/#{"c" * 40}-cut.bin",
      )
      expect(result.failed_uploads.first[:error]).to eq("IOError")
    end
  end

  describe ".upload_path" do
    it "keeps file names inside uploads/ and ASCII-only" do
      expect(
        described_class.upload_path({ "sha1" => "d" * 40, "original_filename" => "../../a b.PDF" }),
      ).to eq("uploads/#{"d" * 40}-a_b.PDF")
      expect(described_class.upload_path({ "id" => 4, "original_filename" => ".." })).to eq(
        "uploads/upload-4-file",
      )
    end
  end
end
