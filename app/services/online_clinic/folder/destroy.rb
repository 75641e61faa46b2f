# frozen_string_literal: true

# Deletes an empty folder. A folder with items is refused (hide it instead), so nothing filed is
# ever lost; neither can the last visible folder go.
class OnlineClinic::Folder::Destroy
  include Service::Base
  include OnlineClinic::FolderServiceSteps

  params do
    attribute :folder_id, :integer

    validates :folder_id, presence: true
  end

  model :folder
  model :clinic, :fetch_clinic_of_folder
  policy :can_act

  transaction do
    step :lock_clinic
    step :apply
  end

  step :publish_folders_change

  private

  def fetch_folder(params:)
    OnlineClinic::Folder.find_by(id: params.folder_id)
  end

  def apply(folder:, clinic:)
    if OnlineClinic::FolderItem.live_in(clinic).exists?(folder_id: folder.id)
      fail!(:folder_not_empty)
    end
    fail!(:last_visible_folder) if !folder.hidden && visible_folders_other_than(folder).none?
    # What is left are links of deleted topics: a restored topic comes back unfiled.
    folder.destroy!
  end
end
