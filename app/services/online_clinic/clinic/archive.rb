# frozen_string_literal: true

# Ends a therapy: the category turns read-only for its group and appointments still ahead are
# cancelled (no reminders, no hold on the therapist's time); nothing written is deleted.
class OnlineClinic::Clinic::Archive
  include Service::Base
  include OnlineClinic::ClinicServiceSteps

  ACTION = :archive

  params do
    attribute :clinic_id, :integer

    validates :clinic_id, presence: true
  end

  model :clinic
  policy :can_act

  transaction do
    step :make_read_only
    step :cancel_future_appointments
    step :audit_archive
  end

  step :publish_clinic_change

  private

  def make_read_only(clinic:)
    clinic.category.set_permissions(clinic.group_id => :readonly)
    clinic.category.save!
    clinic.update!(status: "archived", archived_at: Time.zone.now)
  end

  def cancel_future_appointments(clinic:)
    OnlineClinic::Appointment
      .where(clinic_id: clinic.id)
      .where("starts_at > ?", Time.zone.now)
      .destroy_all
  end

  def audit_archive(clinic:, guardian:)
    append_audit(clinic, guardian, :clinic_archived)
  end
end
