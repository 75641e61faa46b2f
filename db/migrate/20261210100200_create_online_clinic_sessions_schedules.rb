# frozen_string_literal: true

class CreateOnlineClinicSessionsSchedules < ActiveRecord::Migration[7.2]
  def change
    create_table :online_clinic_schedules do |t|
      t.bigint :clinic_id, null: false
      t.string :local_start, null: false
      t.string :time_zone, null: false
      t.integer :length_minutes, null: false
      t.string :recurrence, null: false, default: "none"
      t.integer :count
      t.integer :created_by_id, null: false
      t.timestamps
    end

    add_index :online_clinic_schedules, :clinic_id

    # Occurrences of a schedule, written ahead for a year (a job extends open-ended series), so
    # each has an id for its calendar file and reminders.
    create_table :online_clinic_appointments do |t|
      t.bigint :schedule_id, null: false
      t.bigint :clinic_id, null: false
      t.datetime :starts_at, null: false
      t.datetime :ends_at, null: false
      t.timestamps
    end

    add_index :online_clinic_appointments, %i[schedule_id starts_at], unique: true
    add_index :online_clinic_appointments, %i[clinic_id starts_at]
    add_index :online_clinic_appointments, :starts_at

    # One row per reminder sent, so that each is sent once.
    create_table :online_clinic_sent_reminders do |t|
      t.bigint :appointment_id, null: false
      t.integer :minutes_before, null: false
      t.datetime :created_at, null: false
    end

    add_index :online_clinic_sent_reminders, %i[appointment_id minutes_before], unique: true
  end
end
