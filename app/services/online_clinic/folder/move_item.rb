# frozen_string_literal: true

# Files a clinic topic in another folder of the same clinic, or takes it out of its folder
# (folder_id nil). A topic outside clinics, a folder of another clinic: 404.
class OnlineClinic::Folder::MoveItem
  include Service::Base
  include OnlineClinic::FolderServiceSteps

  params do
    attribute :topic_id, :integer
    attribute :folder_id, :integer

    validates :topic_id, presence: true
  end

  model :topic
  model :clinic, :fetch_clinic_of_topic
  policy :can_act
  policy :topic_visible
  model :folder, optional: true
  policy :folder_in_clinic

  transaction do
    step :lock_clinic
    step :apply
  end

  step :publish_folders_change

  private

  def fetch_topic(params:)
    Topic.find_by(id: params.topic_id, deleted_at: nil)
  end

  def fetch_clinic_of_topic(topic:)
    OnlineClinic::Clinic.includes(:category, memberships: :user).find_by(
      category_id: topic.category_id,
    )
  end

  def topic_visible(topic:, guardian:)
    guardian.can_see?(topic)
  end

  def fetch_folder(params:, clinic:)
    return if params.folder_id.nil?
    OnlineClinic::Folder.find_by(id: params.folder_id, clinic_id: clinic.id)
  end

  def folder_in_clinic(params:, folder:)
    params.folder_id.nil? || !folder.nil?
  end

  def apply(topic:, folder:)
    if folder.nil?
      OnlineClinic::FolderItem.where(topic_id: topic.id).delete_all
    else
      OnlineClinic::FolderItem.find_or_initialize_by(topic_id: topic.id).update!(
        folder_id: folder.id,
      )
    end
  end
end
