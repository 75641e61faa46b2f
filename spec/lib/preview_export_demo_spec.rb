# frozen_string_literal: true

require "base64"
require "json"
require "open3"
require "rbconfig"
require "tmpdir"

require_relative "../../harness/preview/export-demo"

# The preview's export bridge: a JSON clinic in, a real archive out, which the verifier accepts.
# The script runs as the preview server runs it, in a process of its own.
RSpec.describe PreviewExportDemo do
  let(:script) { File.expand_path("../../harness/preview/export-demo.rb", __dir__) }
  let(:entry) do
    OnlineClinic::AuditChain.build_entry(
      nil,
      action: "clinic_opened",
      actor_id: 1,
      details: {
        "name" => "Demo",
        "kind" => "individual",
      },
      created_at: "2026-12-01T10:00:00.000Z",
    )
  end
  let(:input) do
    {
      "clinic" => {
        "id" => 1,
        "name" => "Demo",
        "kind" => "individual",
      },
      "members" => [{ "id" => 1, "username" => "avi", "role" => "therapist" }],
      "sessions" => [],
      "topics" => [
        {
          "id" => 3,
          "title" => "First words",
          "slug" => "first-words",
          "created_at" => "2026-12-02T10:00:00.000Z",
          "posts" => [
            {
              "id" => 10,
              "post_number" => 1,
              "user_id" => 1,
              "raw" => "שלום",
              "created_at" => "2026-12-02T10:00:00.000Z",
              "updated_at" => "2026-12-02T10:00:00.000Z",
              "upload_ids" => [5, 6],
              "revisions" => [],
            },
          ],
        },
      ],
      "uploads" => [
        {
          "id" => 5,
          "sha1" => "a" * 40,
          "original_filename" => "notes.txt",
          "filesize" => 5,
          "content_base64" => Base64.strict_encode64("hello"),
        },
        { "id" => 6, "sha1" => "b" * 40, "original_filename" => "gone.png", "missing" => true },
      ],
      "audit_entries" => [entry],
      "exporter" => {
        "id" => 1,
        "username" => "avi",
      },
    }
  end

  def run_script(stdin)
    Open3.capture3(RbConfig.ruby, script, stdin_data: stdin, binmode: true)
  end

  it "writes an archive the verifier accepts, naming the missing upload" do
    zip, errors, status = run_script(JSON.generate(input))
    expect(errors).to eq("")
    expect(status.exitstatus).to eq(0)

    Dir.mktmpdir do |dir|
      path = File.join(dir, "clinic.zip")
      File.binwrite(path, zip)
      report = OnlineClinic::ArchiveVerifier.verify(path)
      expect(report.intact?).to eq(true)
      manifest = JSON.parse(Zip::File.open(path) { |file| file.read("manifest.json") })
      expect(manifest["chain_head"]).to eq("seq" => 1, "entry_hash" => entry[:entry_hash])
      expect(manifest["missing"]).to eq(
        [{ "path" => "uploads/#{"b" * 40}-gone.png", "reason" => "not_found", "upload_id" => 6 }],
      )
      expect(Zip::File.open(path) { |file| file.read("uploads/#{"a" * 40}-notes.txt") }).to eq(
        "hello",
      )
    end
  end

  it "refuses input that is not a clinic, with a message and exit status 1" do
    zip, errors, status = run_script("[1, 2]")
    expect(status.exitstatus).to eq(1)
    expect(zip).to eq("")
    expect(errors).to include("one JSON object")

    _zip, errors, status = run_script("{not json")
    expect(status.exitstatus).to eq(1)
    expect(errors).to start_with("export-demo:")
  end
end
