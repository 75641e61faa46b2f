# frozen_string_literal: true

module ::OnlineClinic
  class AuditEntrySerializer < ApplicationSerializer
    attributes :seq, :action, :actor, :details, :created_at, :prev_hash, :entry_hash

    def actor
      object.actor && UserSummarySerializer.new(object.actor, root: false).as_json
    end

    # The exact string that was hashed, so the browser can re-verify the chain.
    def created_at
      OnlineClinic::AuditEntry.format_time(object.created_at)
    end
  end
end
