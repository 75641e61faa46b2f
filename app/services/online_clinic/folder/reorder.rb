# frozen_string_literal: true

# Puts a clinic's folders in the order the member arranged them. The list names every folder of
# the clinic exactly once, so an order sent from a stale tab never drops a folder.
class OnlineClinic::Folder::Reorder
  include Service::Base
  include OnlineClinic::FolderServiceSteps

  params do
    attribute :clinic_id, :integer
    attribute :folder_ids, :array, default: -> { [] }

    validates :clinic_id, presence: true
  end

  model :clinic
  policy :can_act
  # A folder of another clinic in the list: 404, as everywhere else.
  policy :folders_in_clinic

  transaction do
    step :lock_clinic
    step :apply
  end

  step :publish_folders_change

  private

  def requested_ids(params)
    params.folder_ids.map { |id| Integer(id.to_s, exception: false) }
  end

  def folders_in_clinic(clinic:, params:)
    ids = requested_ids(params)
    return false if ids.include?(nil)
    OnlineClinic::Folder.where(id: ids).where.not(clinic_id: clinic.id).none?
  end

  def apply(clinic:, params:)
    ids = requested_ids(params)
    existing = OnlineClinic::Folder.where(clinic_id: clinic.id).pluck(:id)
    fail!(:folder_order_incomplete) if ids.uniq.length != ids.length || ids.sort != existing.sort
    now = Time.zone.now
    ids.each_with_index do |id, position|
      OnlineClinic::Folder.where(id: id).update_all(position: position, updated_at: now)
    end
  end
end
