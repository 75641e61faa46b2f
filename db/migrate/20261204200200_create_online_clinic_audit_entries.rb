# frozen_string_literal: true

class CreateOnlineClinicAuditEntries < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_audit_entries do |t|
      t.bigint :clinic_id, null: false
      t.integer :seq, null: false
      t.string :action, null: false
      t.integer :actor_id
      t.jsonb :details, null: false, default: {}
      t.datetime :created_at, null: false
      t.string :prev_hash, null: false, limit: 64
      t.string :entry_hash, null: false, limit: 64
    end

    add_index :online_clinic_audit_entries, %i[clinic_id seq], unique: true
  end
end
