# frozen_string_literal: true

RSpec.describe OnlineClinic::ExportsController do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  def request_export
    post "/online-clinic/clinics/#{clinic.id}/exports.json"
    response.parsed_body
  end

  describe "#create" do
    it "queues one export job and answers the export" do
      sign_in(client)
      body = nil
      expect_enqueued_with(job: Jobs::OnlineClinic::ExportClinicArchive) { body = request_export }
      expect(response.status).to eq(200)
      expect(body["joined"]).to eq(false)
      expect(body["export"]).to include("status" => "queued", "download_url" => nil)
      expect(body["export"]["requested_by"]["id"]).to eq(client.id)
    end

    it "lets a second member join the running export, and both are to be told" do
      sign_in(client)
      first = request_export
      sign_in(therapist)
      second = request_export
      expect(second["joined"]).to eq(true)
      expect(second["export"]["id"]).to eq(first["export"]["id"])
      expect(OnlineClinic::Export.count).to eq(1)
      expect(OnlineClinic::Export.last.notify_user_ids).to contain_exactly(client.id, therapist.id)
    end

    it "answers 404 to a non-member and starts nothing" do
      sign_in(outsider)
      request_export
      expect(response.status).to eq(404)
      expect(OnlineClinic::Export.count).to eq(0)
    end
  end

  describe "#index" do
    it "lists the clinic's exports, newest first" do
      older = OnlineClinic::Export.create!(clinic:, requested_by: client, status: "failed")
      newer = OnlineClinic::Export.create!(clinic:, requested_by: therapist, status: "queued")
      sign_in(client)
      get "/online-clinic/clinics/#{clinic.id}/exports.json"
      expect(response.parsed_body["exports"].map { |export| export["id"] }).to eq(
        [newer.id, older.id],
      )
    end
  end

  describe "#download" do
    # Fabricate(:upload) gives a relative URL, for which the local store has no path; the
    # archive is read from disk, so the upload gets a URL of the local store's own shape.
    fab!(:upload) do
      sha1 = SecureRandom.hex(20)
      Fabricate(
        :upload,
        sha1: sha1,
        original_filename: "clinic-record.zip",
        extension: "zip",
        url: "/#{Discourse.store.upload_path}/original/1X/#{sha1}.zip",
      )
    end
    fab!(:export) do
      OnlineClinic::Export.create!(
        clinic:,
        requested_by: client,
        status: "ready",
        upload:,
        size: 100,
        finished_at: Time.utc(2026, 12, 4, 21),
      )
    end

    before do
      path = Discourse.store.path_for(upload)
      FileUtils.mkdir_p(File.dirname(path))
      File.binwrite(path, "PK zip bytes")
    end

    after { FileUtils.rm_f(Discourse.store.path_for(upload)) }

    it "sends the archive to a member as an attachment" do
      sign_in(therapist)
      get "/online-clinic/exports/#{export.id}/download"
      expect(response.status).to eq(200)
      expect(response.headers["Content-Disposition"]).to include(
        "attachment",
        "clinic-record-2026-12-04.zip",
      )
      expect(response.body).to eq("PK zip bytes")
    end

    it "answers 404 to a non-member" do
      sign_in(outsider)
      get "/online-clinic/exports/#{export.id}/download"
      expect(response.status).to eq(404)
    end

    it "answers 404 while the export is not ready" do
      export.update!(status: "running")
      sign_in(client)
      get "/online-clinic/exports/#{export.id}/download"
      expect(response.status).to eq(404)
    end
  end
end
