# frozen_string_literal: true

RSpec.describe OnlineClinic::ArchiveManifest do
  let(:head) { { seq: 3, entry_hash: "e" * 64 } }

  def build(chain_head: head)
    described_class.new(
      clinic_id: 5,
      exported_at: "2026-12-04T20:00:00.000Z",
      exporter: {
        "id" => 2,
        "username" => "avi",
      },
      chain_head: chain_head,
    )
  end

  it "lists every file with its size and SHA-256, sorted by path, and the chain head" do
    manifest = build
    manifest.add_file(path: "record.json", size: 10, sha256: "B" * 64)
    manifest.add_file(path: "index.html", size: 20, sha256: "a" * 64)

    expect(manifest.to_h).to eq(
      "format" => "online-clinic-archive",
      "version" => 1,
      "clinic_id" => 5,
      "exported_at" => "2026-12-04T20:00:00.000Z",
      "exporter" => {
        "id" => 2,
        "username" => "avi",
      },
      "chain_head" => {
        "seq" => 3,
        "entry_hash" => "e" * 64,
      },
      "files" => [
        { "path" => "index.html", "size" => 20, "sha256" => "a" * 64 },
        { "path" => "record.json", "size" => 10, "sha256" => "b" * 64 },
      ],
      "missing" => [],
    )
  end

  it "is written as canonical JSON that reads back the same" do
    manifest = build.add_file(path: "index.html", size: 1, sha256: "a" * 64)
    json = manifest.to_json
    expect(json).to eq(OnlineClinic::AuditChain.canonical_json(manifest.to_h))
    expect(described_class.parse(json)).to eq(manifest.to_h)
  end

  it "records an upload that could not be read, with its reason" do
    manifest = build.add_missing(path: "uploads/x-a.png", reason: "not_found", upload_id: 7)
    expect(manifest.to_h["missing"]).to eq(
      [{ "path" => "uploads/x-a.png", "reason" => "not_found", "upload_id" => 7 }],
    )
  end

  it "has a null chain head for a clinic without audit entries" do
    expect(build(chain_head: nil).to_h["chain_head"]).to be_nil
  end

  it "refuses paths that would escape the archive or repeat" do
    manifest = build.add_file(path: "index.html", size: 1, sha256: "a" * 64)
    ["../etc/passwd", "/abs", "a//b", "manifest.json", "a\\b", "uploads/.hidden"].each do |path|
      expect { manifest.add_file(path: path, size: 1, sha256: "a" * 64) }.to raise_error(
        ArgumentError,
      )
    end
    expect { manifest.add_file(path: "index.html", size: 1, sha256: "a" * 64) }.to raise_error(
      ArgumentError,
      /already/,
    )
  end

  it "refuses a missing file without a known reason" do
    expect { build.add_missing(path: "uploads/a", reason: "lost") }.to raise_error(ArgumentError)
  end

  describe ".parse" do
    it "rejects JSON that is not a manifest" do
      ["[]", "{}", "not json", '{"format":"online-clinic-archive","version":1}'].each do |json|
        expect { described_class.parse(json) }.to raise_error(ArgumentError)
      end
    end

    it "rejects a file entry without a valid SHA-256" do
      data = build.to_h.merge("files" => [{ "path" => "a", "size" => 1, "sha256" => "zz" }])
      expect { described_class.parse(JSON.generate(data)) }.to raise_error(
        ArgumentError,
        /malformed file/,
      )
    end
  end
end
