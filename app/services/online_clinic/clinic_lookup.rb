# frozen_string_literal: true

module ::OnlineClinic
  # The `model :clinic` step shared by the clinic, session and folder services: the clinic
  # named by params.clinic_id, with what their policies and replies read.
  module ClinicLookup
    private

    def fetch_clinic(params:)
      OnlineClinic::Clinic.includes(:category, :group, memberships: :user).find_by(
        id: params.clinic_id,
      )
    end
  end
end
