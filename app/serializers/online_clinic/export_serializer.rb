# frozen_string_literal: true

module ::OnlineClinic
  # Export in docs/contract.md ("## Record"). The archive's own URL is never sent: only the
  # membership-checked download path. Expects requested_by preloaded.
  class ExportSerializer < ApplicationSerializer
    attributes :id,
               :status,
               :requested_by,
               :created_at,
               :finished_at,
               :size,
               :missing_uploads,
               :download_url

    def requested_by
      OnlineClinic::UserSummarySerializer.new(object.requested_by, root: false).as_json
    end

    def created_at
      OnlineClinic::AuditChain.format_time(object.created_at)
    end

    def finished_at
      object.finished_at && OnlineClinic::AuditChain.format_time(object.finished_at)
    end

    def download_url
      object.download_path
    end
  end
end
