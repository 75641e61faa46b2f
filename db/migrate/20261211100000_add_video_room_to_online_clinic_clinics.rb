# frozen_string_literal: true

class AddVideoRoomToOnlineClinicClinics < ActiveRecord::Migration[7.2]
  def change
    # The clinic's Jitsi room name (128 random bits as hex), made on the first video request.
    add_column :online_clinic_clinics, :video_room, :string, limit: 64
    # Two clinics must never share a call, whatever the code does.
    add_index :online_clinic_clinics,
              :video_room,
              unique: true,
              where: "video_room IS NOT NULL",
              name: "index_online_clinic_clinics_on_video_room"
  end
end
