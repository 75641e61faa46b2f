# frozen_string_literal: true

module ::OnlineClinic
  # One link of a clinic's hash-chained audit log. Append-only: a stored entry can be
  # neither changed nor destroyed through the model.
  class AuditEntry < ActiveRecord::Base
    self.table_name = "online_clinic_audit_entries"

    ACTIONS = %w[
      clinic_opened
      clinic_renamed
      client_added
      client_invited
      client_removed
      therapist_added
      clinic_archived
      clinic_reopened
      non_member_access
      session_started
      session_ended
      session_sealed
      clinic_exported
    ].freeze

    belongs_to :clinic, class_name: "OnlineClinic::Clinic"
    belongs_to :actor, class_name: "User", optional: true

    validates :action, inclusion: { in: ACTIONS }

    before_destroy { raise ActiveRecord::ReadOnlyRecord, "audit entries are append-only" }

    def readonly?
      persisted? || super
    end

    # Locks the clinic row so two writers cannot take the same seq.
    def self.append!(clinic, action:, actor_id:, details: {})
      transaction do
        clinic.lock!
        previous = where(clinic_id: clinic.id).order(seq: :desc).first
        created_at = Time.zone.at(Rational((Time.now.to_r * 1000).floor, 1000)).utc
        built =
          OnlineClinic::AuditChain.build_entry(
            previous&.to_chain_hash,
            action: action.to_s,
            actor_id: actor_id,
            details: details.deep_stringify_keys,
            created_at: format_time(created_at),
          )
        create!(
          clinic_id: clinic.id,
          seq: built[:seq],
          action: action.to_s,
          actor_id: actor_id,
          details: details.deep_stringify_keys,
          created_at: created_at,
          prev_hash: built[:prev_hash],
          entry_hash: built[:entry_hash],
        )
      end
    end

    def self.format_time(time)
      OnlineClinic::AuditChain.format_time(time)
    end

    def self.verify(entries)
      OnlineClinic::AuditChain.verify(entries.map(&:to_chain_hash))
    end

    def to_chain_hash
      {
        "seq" => seq,
        "action" => action,
        "actor_id" => actor_id,
        "details" => details,
        "created_at" => self.class.format_time(created_at),
        "prev_hash" => prev_hash,
        "entry_hash" => entry_hash,
      }
    end
  end
end
