# frozen_string_literal: true

class CreateOnlineClinicPendingInvites < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_pending_invites do |t|
      t.bigint :clinic_id, null: false
      t.integer :invite_id, null: false
      t.string :email, null: false
      t.integer :invited_by_id, null: false
      t.timestamps
    end

    add_index :online_clinic_pending_invites, %i[clinic_id email], unique: true
    add_index :online_clinic_pending_invites, :invite_id
  end
end
