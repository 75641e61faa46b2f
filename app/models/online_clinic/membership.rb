# frozen_string_literal: true

module ::OnlineClinic
  class Membership < ActiveRecord::Base
    self.table_name = "online_clinic_memberships"

    ROLES = %w[therapist client].freeze

    belongs_to :clinic, class_name: "OnlineClinic::Clinic"
    belongs_to :user
    belongs_to :added_by, class_name: "User", optional: true

    validates :role, inclusion: { in: ROLES }
    validates :user_id, uniqueness: { scope: :clinic_id }

    scope :clients, -> { where(role: "client") }
    scope :therapists, -> { where(role: "therapist") }
  end
end
