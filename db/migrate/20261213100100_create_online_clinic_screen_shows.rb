# frozen_string_literal: true

# What was shown on a clinic's shared screen, by whom and when, for the timeline. Only the
# address, upload or video id is kept, never anything of the page itself.
class CreateOnlineClinicScreenShows < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_screen_shows do |t|
      t.bigint :clinic_id, null: false
      t.integer :user_id, null: false
      t.bigint :session_id
      t.string :item_kind, null: false, limit: 20
      t.string :url, limit: 2048
      t.integer :upload_id
      t.string :video_id, limit: 20
      t.timestamps
    end

    add_index :online_clinic_screen_shows, %i[clinic_id created_at]
  end
end
