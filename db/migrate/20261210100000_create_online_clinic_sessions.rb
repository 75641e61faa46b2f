# frozen_string_literal: true

class CreateOnlineClinicSessions < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_sessions do |t|
      t.bigint :clinic_id, null: false
      t.integer :number, null: false
      t.string :mode, null: false
      # The columns of OnlineClinic::SessionState#to_h, so SessionState.from_h rebuilds it.
      t.string :state, null: false
      t.integer :planned_minutes, null: false
      t.bigint :started_at_ms
      t.jsonb :pauses, null: false, default: []
      t.integer :extensions_minutes, null: false, default: 0
      t.bigint :ended_at_ms
      t.string :ended_reason
      t.integer :topic_id
      t.string :request_id, null: false
      t.integer :started_by_id
      t.integer :ended_by_id
      t.jsonb :summary
      t.timestamps
    end

    add_index :online_clinic_sessions, %i[clinic_id number], unique: true
    add_index :online_clinic_sessions, %i[clinic_id request_id], unique: true
    # The database itself refuses a second open session in a clinic, whatever the code does.
    add_index :online_clinic_sessions,
              :clinic_id,
              unique: true,
              where: "state IN ('running', 'paused')",
              name: "index_online_clinic_sessions_one_open_per_clinic"
  end
end
