# frozen_string_literal: true

module ::OnlineClinic
  # A Discourse invite that puts its redeemer into the clinic's group; the membership is
  # created when the user lands in the group (see initializers/accept_clinic_invites.rb).
  class PendingInvite < ActiveRecord::Base
    self.table_name = "online_clinic_pending_invites"

    belongs_to :clinic, class_name: "OnlineClinic::Clinic"
    belongs_to :invite
    belongs_to :invited_by, class_name: "User"

    validates :email, presence: true
  end
end
