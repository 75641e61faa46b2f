# frozen_string_literal: true

# The shared screen's state, one row per clinic (docs/screen.md). Every change is written under
# this row's lock, so two app servers never hand out the same sequence number.
class CreateOnlineClinicScreenStates < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_screen_states do |t|
      t.bigint :clinic_id, null: false
      t.jsonb :state, null: false
      t.timestamps
    end

    add_index :online_clinic_screen_states, :clinic_id, unique: true
  end
end
