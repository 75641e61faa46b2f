# frozen_string_literal: true

# The digest of each ended session's record (docs/record.md): the items are kept beside the
# audit entry so that a later check can name which post or upload no longer matches.
class CreateOnlineClinicSessionSeals < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_session_seals do |t|
      t.bigint :session_id, null: false
      t.bigint :clinic_id, null: false
      t.string :digest, null: false, limit: 64
      t.jsonb :items, null: false, default: []
      t.integer :audit_seq, null: false
      t.datetime :created_at, null: false
    end

    add_index :online_clinic_session_seals, :session_id, unique: true
    add_index :online_clinic_session_seals, :clinic_id
  end
end
