# frozen_string_literal: true

class CreateOnlineClinicSessionPosts < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_session_posts do |t|
      t.integer :post_id, null: false
      t.bigint :session_id, null: false
      # Copied from the session so that a topic's posts serialize it without a join.
      t.integer :session_number, null: false
      t.datetime :created_at, null: false
    end

    add_index :online_clinic_session_posts, :post_id, unique: true
    add_index :online_clinic_session_posts, :session_id
  end
end
