# frozen_string_literal: true

class CreateOnlineClinicFolders < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_folders do |t|
      t.bigint :clinic_id, null: false
      # "documents", "letters", "poems", "videos" or "links" for the five default folders.
      t.string :key
      # Null while a default folder keeps its translated name.
      t.string :name
      t.integer :position, null: false, default: 0
      t.boolean :hidden, null: false, default: false
      t.timestamps
    end

    add_index :online_clinic_folders, %i[clinic_id position]
    # Two first visits at once create the default folders once (insert_all skips the repeat).
    add_index :online_clinic_folders,
              %i[clinic_id key],
              unique: true,
              where: "key IS NOT NULL",
              name: "index_online_clinic_folders_one_default_per_key"
  end
end
