# frozen_string_literal: true

module ::OnlineClinic
  # The stored shared-screen state of one clinic (OnlineClinic::ScreenState's hash, docs/screen.md).
  class ScreenStateRecord < ActiveRecord::Base
    self.table_name = "online_clinic_screen_states"

    belongs_to :clinic, class_name: "OnlineClinic::Clinic"

    # The clinic's state as last stored, or the initial one when nothing was ever shown.
    def self.state_of(clinic_id)
      where(clinic_id: clinic_id).pick(:state) || OnlineClinic::ScreenState.initial
    end

    # The clinic's row, locked until the surrounding transaction ends; made on first use. Two
    # first requests at once both insert: the unique index keeps one row (ON CONFLICT DO NOTHING)
    # and the second waits for the lock, then reads the first one's state.
    def self.lock_for!(clinic_id)
      now = Time.zone.now
      insert_all(
        [
          {
            clinic_id: clinic_id,
            state: OnlineClinic::ScreenState.initial,
            created_at: now,
            updated_at: now,
          },
        ],
      )
      lock.find_by!(clinic_id: clinic_id)
    end
  end
end
