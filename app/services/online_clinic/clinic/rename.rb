# frozen_string_literal: true

class OnlineClinic::Clinic::Rename
  include Service::Base
  include OnlineClinic::ClinicServiceSteps

  ACTION = :rename

  params do
    attribute :clinic_id, :integer
    attribute :name, :string

    validates :clinic_id, presence: true
  end

  model :clinic
  policy :can_act
  step :validate_input

  transaction do
    step :rename
    step :audit_rename
  end

  step :publish_clinic_change

  private

  def validate_input(params:)
    messages = name_error_messages(params.name)
    fail!(messages) if messages.present?
  end

  def rename(clinic:, params:)
    context[:previous_name] = clinic.name
    name = OnlineClinic::ClinicName.normalize(params.name)
    clinic.update!(name: name)
    clinic.category.update!(
      name: OnlineClinic::CategoryNamePicker.pick(name, except_category_id: clinic.category_id),
    )
  end

  def audit_rename(clinic:, guardian:, previous_name:)
    append_audit(clinic, guardian, :clinic_renamed, { from: previous_name, to: clinic.name })
  end
end
