# frozen_string_literal: true

module ::OnlineClinic
  # A clinic topic filed in a folder; a topic is in one folder at most.
  class FolderItem < ActiveRecord::Base
    self.table_name = "online_clinic_folder_items"

    belongs_to :folder, class_name: "OnlineClinic::Folder"
    belongs_to :topic

    # Items whose topic still counts: not deleted and still in the clinic's category.
    def self.live_in(clinic)
      joins(:topic).where(topics: { category_id: clinic.category_id, deleted_at: nil })
    end
  end
end
