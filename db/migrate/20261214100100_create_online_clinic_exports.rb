# frozen_string_literal: true

class CreateOnlineClinicExports < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_exports do |t|
      t.bigint :clinic_id, null: false
      t.integer :requested_by_id, null: false
      t.string :status, null: false, default: "queued", limit: 20
      # The archive is an Upload (docs/record.md, "Where the archive lives"); never its URL.
      t.integer :upload_id
      t.bigint :size
      t.integer :missing_uploads, null: false, default: 0
      t.string :error, limit: 500
      # Everyone who asked while it was queued or running: each is notified when it is ready.
      t.jsonb :notify_user_ids, null: false, default: []
      t.datetime :finished_at
      t.timestamps
    end

    add_index :online_clinic_exports, %i[clinic_id created_at]
    # One export at a time per clinic, whatever the code does.
    add_index :online_clinic_exports,
              :clinic_id,
              unique: true,
              where: "status IN ('queued', 'running')",
              name: "index_online_clinic_exports_one_active_per_clinic"
  end
end
