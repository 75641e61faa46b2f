# frozen_string_literal: true

module ::OnlineClinic
  # Which uploads belong to a clinic: those referenced by a live post of a live topic in the
  # clinic's category. The shared screen shows only these.
  module ClinicUploads
    # Shown inline on the screen (a PDF in the browser's viewer, a text read as text): Discourse
    # itself serves every upload but images as an attachment, which a frame would download.
    # Never HTML or SVG: served from the forum's origin they could run script.
    INLINE_TYPES = {
      "pdf" => "application/pdf",
      "txt" => "text/plain; charset=utf-8",
      "md" => "text/plain; charset=utf-8",
      "markdown" => "text/plain; charset=utf-8",
    }.freeze

    module_function

    def shared_in?(clinic, upload_id)
      Post
        .where(
          id: UploadReference.where(upload_id: upload_id, target_type: "Post").select(:target_id),
          deleted_at: nil,
        )
        .joins(:topic)
        .where(topics: { category_id: clinic.category_id, deleted_at: nil })
        .exists?
    end

    def inline_type(upload)
      INLINE_TYPES[upload.extension.to_s.downcase]
    end

    # A copy of a file kept on a remote store, in a temporary file on this server. Whatever its
    # name, BaseStore#download hands max_file_size_kb to FileHelper.download as max_file_size,
    # in bytes (its own default is `.kilobytes` of the site's limits): so the file's size in
    # bytes, plus room, or an archive larger than the attachment limit would be cut short.
    # Raises FileStore::DownloadError.
    def download!(upload)
      Discourse.store.download!(upload, max_file_size_kb: upload.filesize.to_i + 1.megabyte)
    end

    # Where an upload's bytes are on this server, or nil when the file is gone: the local
    # store's own file, or a remote store's object downloaded to a temporary file (so nobody
    # is ever handed a bucket URL).
    def file_path(upload)
      path = Discourse.store.external? ? download!(upload).path : Discourse.store.path_for(upload)
      path if path.present? && File.exist?(path)
    rescue FileStore::DownloadError
      nil
    end

    def inline_path(clinic_id, upload_id)
      "/online-clinic/clinics/#{clinic_id}/screen/documents/#{upload_id}"
    end
  end
end
