# frozen_string_literal: true

class CreateOnlineClinicClinics < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_clinics do |t|
      t.string :name, null: false
      t.integer :category_id, null: false
      t.integer :group_id, null: false
      t.integer :moderation_group_id, null: false
      t.bigint :chat_channel_id
      t.integer :welcome_topic_id
      t.string :kind, null: false, default: "individual"
      t.string :status, null: false, default: "open"
      t.string :request_id, null: false
      t.integer :created_by_id, null: false
      t.datetime :archived_at
      t.timestamps
    end

    add_index :online_clinic_clinics, :category_id, unique: true
    add_index :online_clinic_clinics, :group_id, unique: true
    add_index :online_clinic_clinics, %i[created_by_id request_id], unique: true
  end
end
