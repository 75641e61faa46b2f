# frozen_string_literal: true

# Which folder a clinic topic is filed in. A table rather than a topic custom field: a folder's
# page joins and counts its topics by an indexed integer, and the database keeps a topic in one
# folder at most.
class CreateOnlineClinicFolderItems < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_folder_items do |t|
      t.integer :topic_id, null: false
      t.bigint :folder_id, null: false
      t.timestamps
    end

    add_index :online_clinic_folder_items, :topic_id, unique: true
    add_index :online_clinic_folder_items, :folder_id
  end
end
