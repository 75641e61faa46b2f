# frozen_string_literal: true

require "tmpdir"

module Jobs
  module OnlineClinic
    # Writes a clinic's archive (docs/record.md): clinic_exported goes into the chain first, so
    # the archive's chain head includes it; the writer is fed from the database in batches; the
    # zip is stored as an Upload handed out only by the membership-checked download endpoint.
    class ExportClinicArchive < ::Jobs::Base
      sidekiq_options retry: false

      def execute(args)
        export =
          ::OnlineClinic::Export.includes(:clinic, :requested_by).find_by(id: args[:export_id])
        return if export.nil? || !export.active?

        export.update!(status: "running")
        export.publish_changed!
        write_archive(export)
        notify(export, "export_ready")
      rescue StandardError => e
        raise if export.nil?

        Rails.logger.warn("[online-clinic] export #{export.id} failed: #{e.class}: #{e.message}")
        export.update_columns(
          status: "failed",
          error: e.class.name.to_s[0, 500],
          finished_at: Time.zone.now,
          updated_at: Time.zone.now,
        )
        notify(export, "export_failed")
      ensure
        export&.publish_changed!
      end

      private

      def write_archive(export)
        clinic = export.clinic
        exporter = export.requested_by
        ::OnlineClinic::AuditEntry.append!(
          clinic,
          action: :clinic_exported,
          actor_id: exporter.id,
          details: {
            export_id: export.id,
          },
        )
        Dir.mktmpdir("online-clinic-export") do |dir|
          path = File.join(dir, export.file_name)
          result =
            ::OnlineClinic::ArchiveWriter.new(
              **::OnlineClinic::ArchiveSource.new(clinic).writer_inputs,
              exported_at: Time.zone.now,
              exporter: {
                id: exporter.id,
                username: exporter.username,
              },
              locale: archive_locale(exporter),
            ).write(path)
          result.failed_uploads.each do |failure|
            Rails.logger.warn(
              "[online-clinic] export #{export.id}: upload #{failure[:upload_id]} " \
                "#{failure[:reason]} (#{failure[:error]})",
            )
          end
          upload = store(path, export)
          export.update!(
            status: "ready",
            upload_id: upload.id,
            size: File.size(path),
            missing_uploads: result.manifest["missing"].size,
            finished_at: Time.zone.now,
          )
        end
      end

      # for_export marks it as core marks its own user archives; its URL is never sent anywhere.
      # UploadValidator holds even exports to max_attachment_size_kb (4 MB by default), which a
      # clinic's record with its files soon outgrows; the archive is the server's own file.
      def store(path, export)
        upload =
          File.open(path, "rb") do |file|
            UploadCreator.new(
              file,
              export.file_name,
              type: "online_clinic_export",
              for_export: "true",
              skip_validations: true,
            ).create_for(export.requested_by_id)
          end
        raise "archive not stored: #{upload.errors.full_messages.join(", ")}" if !upload.persisted?
        upload
      end

      def archive_locale(user)
        user.effective_locale.to_s.start_with?("he") ? "he" : "en"
      end

      # Neutral words and a link to the clinic's timeline, to each member who asked and still is
      # a member.
      def notify(export, message)
        member_ids = ::OnlineClinic::Membership.where(clinic_id: export.clinic_id).pluck(:user_id)
        User
          .where(id: Array(export.notify_user_ids).map(&:to_i) & member_ids)
          .find_each do |user|
            text =
              I18n.with_locale(user.effective_locale) do
                I18n.t("online_clinic.record.notifications.#{message}")
              end
            Notification.create!(
              notification_type: Notification.types[:custom],
              user_id: user.id,
              data: {
                message: "online_clinic.notifications.#{message}",
                title: "online_clinic.notifications.#{message}_title",
                topic_title: text,
                online_clinic_id: export.clinic_id,
                url: "/clinic/#{export.clinic_id}/timeline",
              }.to_json,
            )
          end
      end
    end
  end
end
