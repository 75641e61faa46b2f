# frozen_string_literal: true

# Runs when a user lands in a clinic's group: if they were invited by email, they become a
# client of the clinic.
class OnlineClinic::Clinic::AcceptInvite
  include Service::Base
  include OnlineClinic::ClinicServiceSteps

  params do
    attribute :user_id, :integer
    attribute :group_id, :integer

    validates :user_id, :group_id, presence: true
  end

  model :user
  model :clinic
  model :pending_invite

  transaction do
    step :record_membership
    step :forget_invite
  end

  step :publish_clinic_change

  private

  def fetch_user(params:)
    User.find_by(id: params.user_id)
  end

  def fetch_clinic(params:)
    OnlineClinic::Clinic.find_by(group_id: params.group_id)
  end

  def fetch_pending_invite(clinic:, user:)
    clinic.pending_invites.find_by(email: Email.downcase(user.email))
  end

  def record_membership(clinic:, user:, pending_invite:)
    return if OnlineClinic::Membership.exists?(clinic_id: clinic.id, user_id: user.id)
    OnlineClinic::Membership.create!(
      clinic: clinic,
      user: user,
      role: "client",
      added_by_id: pending_invite.invited_by_id,
    )
    OnlineClinic::AuditEntry.append!(
      clinic,
      action: :client_added,
      actor_id: user.id,
      details: {
        username: user.username,
        via: "invite",
      },
    )
  end

  def forget_invite(pending_invite:)
    pending_invite.destroy!
  end
end
