# frozen_string_literal: true

class AddSessionsBoundaryTextToOnlineClinicClinics < ActiveRecord::Migration[7.2]
  def change
    add_column :online_clinic_clinics, :boundary_text, :string, limit: 500
  end
end
