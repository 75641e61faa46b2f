# frozen_string_literal: true

# Files a topic just created with online_clinic_folder_id (a permitted post-create param). Only
# a folder of the topic's own clinic, chosen by a member who may write there, files it;
# otherwise the topic simply stays unfiled: it exists already and nothing is lost.
class OnlineClinic::Folder::FileNewTopic
  include Service::Base
  include OnlineClinic::FolderServiceSteps

  params do
    attribute :topic_id, :integer
    attribute :folder_id, :integer

    validates :topic_id, presence: true
    validates :folder_id, presence: true
  end

  model :topic
  model :clinic, :fetch_clinic_of_topic
  model :folder
  policy :can_act

  transaction do
    step :lock_clinic
    step :apply
  end

  step :publish_folders_change

  private

  def fetch_topic(params:)
    Topic.find_by(id: params.topic_id)
  end

  def fetch_clinic_of_topic(topic:)
    return if topic.category_id.nil?
    OnlineClinic::Clinic.includes(:category, memberships: :user).find_by(
      category_id: topic.category_id,
    )
  end

  def fetch_folder(params:, clinic:)
    OnlineClinic::Folder.find_by(id: params.folder_id, clinic_id: clinic.id)
  end

  # A second delivery of the same event leaves the first filing as it is.
  def apply(topic:, folder:)
    OnlineClinic::FolderItem.find_or_create_by!(topic_id: topic.id) do |item|
      item.folder_id = folder.id
    end
  end
end
