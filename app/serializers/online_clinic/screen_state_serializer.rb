# frozen_string_literal: true

module ::OnlineClinic
  # ScreenStateJson of docs/contract.md: the stored state, with the upload a document or video
  # item names (as core's UploadSerializer gives its URL: through the secure-uploads route when
  # the file is secure). An upload deleted since it was shown leaves item.upload null.
  module ScreenStateSerializer
    UPLOAD_KINDS = %w[document video].freeze

    module_function

    def serialize(state, clinic_id)
      item = state["item"]
      return state if item.nil? || !UPLOAD_KINDS.include?(item["kind"])

      upload = Upload.find_by(id: item["document_id"])
      state.merge("item" => item.merge("upload" => upload && upload_json(upload, clinic_id)))
    end

    # inline_url: the member-only address that shows a PDF or a text inline (docs/contract.md).
    def upload_json(upload, clinic_id)
      inline = OnlineClinic::ClinicUploads.inline_type(upload)
      {
        "inline_url" =>
          (
            if inline
              Discourse.base_path + OnlineClinic::ClinicUploads.inline_path(clinic_id, upload.id)
            end
          ),
        "url" =>
          UrlHelper.cook_url(upload.url, secure: SiteSetting.secure_uploads? && upload.secure),
        "original_filename" => upload.original_filename,
        "extension" => upload.extension,
        "filesize" => upload.filesize,
      }
    end
  end
end
