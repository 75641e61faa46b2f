# frozen_string_literal: true

class CreateOnlineClinicMemberships < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_memberships do |t|
      t.bigint :clinic_id, null: false
      t.integer :user_id, null: false
      t.string :role, null: false
      t.integer :added_by_id
      t.timestamps
    end

    add_index :online_clinic_memberships, %i[clinic_id user_id], unique: true
    add_index :online_clinic_memberships, :user_id
  end
end
