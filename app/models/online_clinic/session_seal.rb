# frozen_string_literal: true

module ::OnlineClinic
  # The digest of an ended session's record and its items, written once when the session ends.
  class SessionSeal < ActiveRecord::Base
    self.table_name = "online_clinic_session_seals"

    belongs_to :session, class_name: "OnlineClinic::Session"
    belongs_to :clinic, class_name: "OnlineClinic::Clinic"

    def readonly?
      persisted? || super
    end

    # Computes the session's digest now, appends session_sealed to the clinic's chain and keeps
    # the items. Call inside the transaction that ends the session (the clinic row is locked).
    def self.seal!(clinic, session)
      return find_by(session_id: session.id) if exists?(session_id: session.id)

      result = OnlineClinic::RecordSource.digest_for_session(session.id)
      entry =
        OnlineClinic::AuditEntry.append!(
          clinic,
          action: :session_sealed,
          actor_id: nil,
          details: {
            session_id: session.id,
            number: session.number,
            digest: result.hex,
            item_count: result.items.size,
          },
        )
      create!(
        session_id: session.id,
        clinic_id: clinic.id,
        digest: result.hex,
        items: result.items,
        audit_seq: entry.seq,
        created_at: entry.created_at,
      )
    end
  end
end
