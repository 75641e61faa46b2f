# frozen_string_literal: true

module ::OnlineClinic
  # The record's endpoints are for the clinic's members only: anyone else, an overseeing admin
  # included, gets Discourse's plain 404, so a clinic's existence never leaks.
  module MemberOnly
    private

    def find_member_clinic!(clinic_id)
      clinic = OnlineClinic::Clinic.includes(:category, memberships: :user).find_by(id: clinic_id)
      raise Discourse::NotFound if clinic.nil?
      raise Discourse::NotFound if !OnlineClinic::ClinicAccess.policy(current_user, clinic).member?
      clinic
    end
  end
end
