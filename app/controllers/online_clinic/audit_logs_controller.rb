# frozen_string_literal: true

module ::OnlineClinic
  class AuditLogsController < BaseController
    def show
      clinic = find_visible_clinic!(clinic_scope.find_by(id: params[:id]))
      policy = OnlineClinic::ClinicAccess.policy(current_user, clinic)
      raise Discourse::NotFound if !policy.can?(:read_audit_log)

      entries = clinic.audit_entries.includes(:actor).to_a
      verification = OnlineClinic::AuditEntry.verify(entries)
      render json: {
               entries:
                 entries.map do |entry|
                   OnlineClinic::AuditEntrySerializer.new(
                     entry,
                     scope: guardian,
                     root: false,
                   ).as_json
                 end,
               verification: {
                 valid: verification.valid,
                 broken_at_seq: verification.broken_at_seq,
               },
             }
    end
  end
end
