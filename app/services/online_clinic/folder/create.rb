# frozen_string_literal: true

# A folder a member adds to their clinic, after the existing ones.
class OnlineClinic::Folder::Create
  include Service::Base
  include OnlineClinic::FolderServiceSteps

  params do
    attribute :clinic_id, :integer
    attribute :name, :string

    validates :clinic_id, presence: true
  end

  model :clinic
  policy :can_act

  transaction do
    step :lock_clinic
    step :ensure_default_folders
    step :apply
  end

  step :publish_folders_change

  private

  def apply(clinic:, params:)
    refusal = name_refusal(params.name, clinic)
    fail!(refusal) if refusal
    last_position = OnlineClinic::Folder.where(clinic_id: clinic.id).maximum(:position) || -1
    context[:folder] = OnlineClinic::Folder.create!(
      clinic_id: clinic.id,
      name: OnlineClinic::FolderName.normalize(params.name),
      position: last_position + 1,
    )
  end
end
