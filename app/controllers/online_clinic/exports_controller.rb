# frozen_string_literal: true

module ::OnlineClinic
  # Exports of a clinic's whole record (docs/contract.md, "## Record"). The archive is handed out
  # only here, after the membership check; it never has a URL of its own (docs/record.md).
  class ExportsController < BaseController
    include OnlineClinic::MemberOnly

    skip_before_action :check_xhr, only: :download

    def index
      clinic = find_member_clinic!(params[:id])
      exports =
        OnlineClinic::Export
          .where(clinic_id: clinic.id)
          .includes(:requested_by)
          .order(created_at: :desc, id: :desc)
          .limit(OnlineClinic::Export::LIST_LIMIT)
      render json: { exports: exports.map { |export| serialize(export) } }
    end

    def create
      clinic = find_member_clinic!(params[:id])
      export, joined = OnlineClinic::Export.request!(clinic, current_user)
      render json: { export: serialize(export), joined: joined }
    end

    def download
      export = OnlineClinic::Export.includes(:upload).find_by(id: params[:id])
      raise Discourse::NotFound if export.nil?
      find_member_clinic!(export.clinic_id)
      raise Discourse::NotFound if !export.ready? || export.upload.nil?

      send_archive(export)
    end

    private

    def serialize(export)
      OnlineClinic::ExportSerializer.new(export, scope: guardian, root: false).as_json
    end

    # Sent from this server (ClinicUploads.file_path), so the member never gets (and cannot
    # pass on) a URL of the bucket.
    def send_archive(export)
      path = OnlineClinic::ClinicUploads.file_path(export.upload)
      raise Discourse::NotFound if path.nil?

      response.headers["Cache-Control"] = "no-store"
      send_file(
        path,
        filename: export.file_name,
        type: "application/zip",
        disposition: "attachment",
      )
    end
  end
end
