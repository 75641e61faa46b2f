# frozen_string_literal: true

module ::OnlineClinic
  # One export of a clinic's whole record; at most one queued or running per clinic (a partial
  # unique index), and a second request joins it.
  class Export < ActiveRecord::Base
    self.table_name = "online_clinic_exports"

    STATUSES = %w[queued running ready failed].freeze
    ACTIVE_STATUSES = %w[queued running].freeze
    LIST_LIMIT = 5
    STALE_AFTER = 6.hours

    belongs_to :clinic, class_name: "OnlineClinic::Clinic"
    belongs_to :requested_by, class_name: "User"
    # As core's UserExport: the reference keeps Discourse's orphan-upload clean-up off the archive,
    # and destroying the export destroys the upload and its file.
    belongs_to :upload, optional: true, dependent: :destroy
    has_many :upload_references, as: :target, dependent: :destroy

    after_save do
      if saved_change_to_upload_id? && upload_id
        UploadReference.ensure_exist!(upload_ids: [upload_id], target: self)
      end
    end

    validates :status, inclusion: { in: STATUSES }

    scope :active, -> { where(status: ACTIVE_STATUSES) }

    # Starts an export, or joins the one queued or running (the requester is then told too).
    # Returns [export, joined]. The clinic's row lock serializes two clicks; the partial unique
    # index would refuse a second active export anyway.
    def self.request!(clinic, user)
      export = nil
      joined = false
      transaction do
        clinic.lock!
        export = active.find_by(clinic_id: clinic.id)
        if export
          joined = true
          export.add_requester!(user.id)
        else
          export =
            create!(
              clinic_id: clinic.id,
              requested_by_id: user.id,
              status: "queued",
              notify_user_ids: [user.id],
            )
        end
      end
      if !joined
        Jobs.enqueue(Jobs::OnlineClinic::ExportClinicArchive, export_id: export.id)
        export.publish_changed!
      end
      [export, joined]
    end

    # Finished exports older than the retention setting, with their archives.
    def self.remove_expired!
      cutoff = SiteSetting.online_clinic_export_retention_hours.hours.ago
      # A worker that died mid-export would otherwise block the clinic's exports for good.
      active.where("updated_at < ?", STALE_AFTER.ago).update_all(
        status: "failed",
        error: "stale",
        finished_at: Time.zone.now,
      )
      where("created_at < ?", cutoff)
        .where.not(status: ACTIVE_STATUSES)
        .find_each do |export|
          clinic = export.clinic
          export.destroy!
          export.publish_changed! if clinic
        end
    end

    def active?
      ACTIVE_STATUSES.include?(status)
    end

    def ready?
      status == "ready" && upload_id.present?
    end

    def download_path
      "/online-clinic/exports/#{id}/download" if ready?
    end

    # Adds a member to the people told when it is ready, under the row lock.
    def add_requester!(user_id)
      with_lock do
        ids = Array(notify_user_ids).map(&:to_i)
        update!(notify_user_ids: ids | [user_id]) if ids.exclude?(user_id)
      end
    end

    def file_name
      "clinic-record-#{(finished_at || created_at).utc.strftime("%Y-%m-%d")}.zip"
    end

    def publish_changed!
      MessageBus.publish(
        clinic.message_bus_channel,
        { type: "export_changed", clinic_id: clinic_id, export_id: id },
        group_ids: [clinic.group_id],
      )
    end
  end
end
