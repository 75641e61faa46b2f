# frozen_string_literal: true

class OnlineClinic::Clinic::Reopen
  include Service::Base
  include OnlineClinic::ClinicServiceSteps

  ACTION = :reopen

  params do
    attribute :clinic_id, :integer

    validates :clinic_id, presence: true
  end

  model :clinic
  policy :can_act

  transaction do
    step :make_writable
    step :audit_reopen
  end

  step :publish_clinic_change

  private

  def make_writable(clinic:)
    clinic.category.set_permissions(clinic.group_id => :full)
    clinic.category.save!
    clinic.update!(status: "open", archived_at: nil)
  end

  def audit_reopen(clinic:, guardian:)
    append_audit(clinic, guardian, :clinic_reopened)
  end
end
