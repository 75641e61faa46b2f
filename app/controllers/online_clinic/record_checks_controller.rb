# frozen_string_literal: true

module ::OnlineClinic
  # GET /online-clinic/clinics/:id/record-check.json: the hash chain's verification, and each
  # sealed session's digest recomputed now from the database and compared with its seal, so a
  # member learns which post or upload was altered behind Discourse's back.
  class RecordChecksController < BaseController
    include OnlineClinic::MemberOnly

    def show
      clinic = find_member_clinic!(params[:id])
      entries = clinic.audit_entries.to_a
      verification = OnlineClinic::AuditEntry.verify(entries)
      @chained_digests = entries.to_h { |entry| [entry.seq, entry.details["digest"]] }
      seals = OnlineClinic::SessionSeal.where(clinic_id: clinic.id).order(:audit_seq).to_a
      numbers = OnlineClinic::Session.where(id: seals.map(&:session_id)).pluck(:id, :number).to_h
      render json: {
               chain: {
                 valid: verification.valid,
                 broken_at_seq: verification.broken_at_seq,
               },
               sessions: seals.map { |seal| session_check(seal, numbers[seal.session_id]) },
             }
    end

    private

    def session_check(seal, number)
      current = OnlineClinic::RecordSource.digest_for_session(seal.session_id)
      differences = OnlineClinic::RecordDigest.differences(seal.items, current.items)
      {
        session_id: seal.session_id,
        number: number,
        sealed_seq: seal.audit_seq,
        # The chain holds the digest: a seal row rewritten to match altered posts still differs.
        status: intact?(seal, current, differences) ? "intact" : "changed",
        differences:
          differences.map do |difference|
            { kind: difference.kind, id: difference.id, change: difference.change }
          end,
      }
    end

    def intact?(seal, current, differences)
      differences.empty? && current.hex == seal.digest &&
        @chained_digests[seal.audit_seq] == seal.digest
    end
  end
end
