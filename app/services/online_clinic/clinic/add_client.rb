# frozen_string_literal: true

# Adds an existing user as a client, or invites an email address into the clinic.
class OnlineClinic::Clinic::AddClient
  include Service::Base
  include OnlineClinic::ClinicServiceSteps

  ACTION = :add_client

  params do
    attribute :clinic_id, :integer
    attribute :username, :string
    attribute :email, :string

    validates :clinic_id, presence: true
  end

  model :clinic
  policy :can_act
  step :validate_input
  transaction { step :add_client }
  step :publish_clinic_change

  private

  def validate_input(clinic:, params:, guardian:)
    if params.username.blank? && params.email.blank?
      fail!([I18n.t("online_clinic.errors.no_clients")])
    end
    resolved =
      OnlineClinic::ClientResolver.new(guardian.user).resolve(
        usernames: [params.username].compact,
        emails: [params.email].compact,
      )
    fail!(resolved.errors) if resolved.errors.present?
    if resolved.users.any? { |user| clinic.member_roles.key?(user.id) }
      fail!([I18n.t("online_clinic.errors.already_member")])
    end
    context[:resolved] = resolved
  end

  def add_client(clinic:, guardian:, resolved:)
    resolved.users.each do |user|
      # The membership first: the :user_added_to_group handler then finds nothing to do.
      OnlineClinic::Membership.create!(
        clinic: clinic,
        user: user,
        role: "client",
        added_by: guardian.user,
      )
      clinic.group.add(user)
      append_audit(clinic, guardian, :client_added, { username: user.username })
    end

    resolved.emails.each do |email|
      invite = Invite.generate(guardian.user, email: email, group_ids: [clinic.group_id])
      OnlineClinic::PendingInvite.create!(
        clinic: clinic,
        invite: invite,
        email: email,
        invited_by: guardian.user,
      )
      append_audit(clinic, guardian, :client_invited, { email: email })
    end
  rescue Invite::UserExists, RateLimiter::LimitExceeded, ActiveRecord::RecordInvalid => e
    fail!([e.message])
  end
end
