# frozen_string_literal: true

RSpec.describe Jobs::OnlineClinic::ExportClinicArchive do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }
  fab!(:topic) { Fabricate(:topic, category: clinic.category, user: client, title: "My letters") }
  fab!(:first_post) { Fabricate(:post, topic:, user: client, raw: "The first letter") }
  fab!(:present_upload) { local_upload("drawing.png", "png") }
  fab!(:missing_upload) { local_upload("lost.pdf", "pdf") }

  let(:export) do
    OnlineClinic::Export.create!(
      clinic:,
      requested_by: client,
      status: "queued",
      notify_user_ids: [client.id, therapist.id],
    )
  end

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    SiteSetting.export_authorized_extensions = "zip"
    OnlineClinic::AuditEntry.append!(clinic, action: :clinic_opened, actor_id: therapist.id)
    UploadReference.create!(upload: present_upload, target: first_post)
    UploadReference.create!(upload: missing_upload, target: first_post)
    path = Discourse.store.path_for(present_upload)
    FileUtils.mkdir_p(File.dirname(path))
    File.binwrite(path, "png bytes")
    FileUtils.rm_f(Discourse.store.path_for(missing_upload))
  end

  # Fabricate(:upload) gives a relative URL, for which the local store has no path; the job
  # reads the files from disk, so these uploads get URLs of the local store's own shape.
  def local_upload(name, extension)
    sha1 = SecureRandom.hex(20)
    Fabricate(
      :upload,
      sha1: sha1,
      original_filename: name,
      extension: extension,
      url: "/#{Discourse.store.upload_path}/original/1X/#{sha1}.#{extension}",
    )
  end

  after { FileUtils.rm_f(Discourse.store.path_for(present_upload)) }

  def archive_path
    Discourse.store.path_for(export.reload.upload)
  end

  it "writes an archive that verifies, with the export in its chain head" do
    described_class.new.execute(export_id: export.id)

    export.reload
    expect(export.status).to eq("ready")
    expect(export.finished_at).to be_present
    expect(export.missing_uploads).to eq(1)

    report = OnlineClinic::ArchiveVerifier.verify(archive_path)
    expect(report.intact?).to eq(true)

    exported = clinic.audit_entries.reload.last
    expect(exported.action).to eq("clinic_exported")
    expect(exported.details).to eq("export_id" => export.id)
    manifest = JSON.parse(Zip::File.open(archive_path) { |zip| zip.read("manifest.json") })
    expect(manifest["chain_head"]["seq"]).to eq(exported.seq)
    expect(manifest["missing"].map { |row| row["upload_id"] }).to eq([missing_upload.id])
    record = JSON.parse(Zip::File.open(archive_path) { |zip| zip.read("record.json") })
    expect(record["topics"].first["posts"].first["raw"]).to eq("The first letter")
  end

  it "tells every member who asked, in neutral words, with a link to the timeline" do
    described_class.new.execute(export_id: export.id)

    [client, therapist].each do |user|
      notification = Notification.where(user_id: user.id).last
      data = JSON.parse(notification.data)
      expect(data["message"]).to eq("online_clinic.notifications.export_ready")
      expect(data["url"]).to eq("/clinic/#{clinic.id}/timeline")
      expect(data["topic_title"]).not_to include("My letters")
    end
  end

  it "announces the change on the clinic's channel to the clinic's group only" do
    messages =
      MessageBus.track_publish(clinic.message_bus_channel) do
        described_class.new.execute(export_id: export.id)
      end
    expect(messages.map { |message| message.data[:type] }.uniq).to eq(["export_changed"])
    expect(messages.map(&:group_ids).uniq).to eq([[clinic.group_id]])
  end

  it "marks the export failed when the archive cannot be stored, and says so" do
    UploadCreator.any_instance.stubs(:create_for).raises(StandardError, "disk full")
    described_class.new.execute(export_id: export.id)
    expect(export.reload.status).to eq("failed")
    data = JSON.parse(Notification.where(user_id: client.id).last.data)
    expect(data["message"]).to eq("online_clinic.notifications.export_failed")
  end

  it "leaves an export that is no longer queued alone" do
    export.update!(status: "ready")
    expect { described_class.new.execute(export_id: export.id) }.not_to change {
      clinic.audit_entries.count
    }
  end
end
