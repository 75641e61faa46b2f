# frozen_string_literal: true

class CreateOnlineClinicVideoEvents < ActiveRecord::Migration[7.2]
  def change
    # Who joined or left a clinic's video call and when; never anything of the call itself.
    create_table :online_clinic_video_events do |t|
      t.bigint :clinic_id, null: false
      t.integer :user_id, null: false
      t.string :event, null: false, limit: 20
      t.bigint :session_id
      t.datetime :created_at, null: false
    end

    add_index :online_clinic_video_events, %i[clinic_id created_at]
    add_index :online_clinic_video_events, :session_id, where: "session_id IS NOT NULL"
  end
end
