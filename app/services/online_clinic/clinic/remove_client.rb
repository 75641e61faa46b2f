# frozen_string_literal: true

class OnlineClinic::Clinic::RemoveClient
  include Service::Base
  include OnlineClinic::ClinicServiceSteps

  ACTION = :remove_client

  params do
    attribute :clinic_id, :integer
    attribute :user_id, :integer

    validates :clinic_id, :user_id, presence: true
  end

  model :clinic
  policy :can_act
  step :validate_input

  transaction do
    step :remove_client
    step :audit_removal
  end

  step :publish_clinic_change

  private

  def validate_input(clinic:, params:)
    clients = clinic.memberships.select { |membership| membership.role == "client" }
    membership = clients.find { |client| client.user_id == params.user_id }
    fail!([I18n.t("online_clinic.errors.not_a_client")]) if membership.nil?
    fail!([I18n.t("online_clinic.errors.last_client")]) if clients.size <= 1
    context[:membership] = membership
  end

  def remove_client(clinic:, membership:)
    membership.destroy!
    clinic.group.remove(membership.user)
  end

  def audit_removal(clinic:, guardian:, membership:)
    append_audit(clinic, guardian, :client_removed, { username: membership.user.username })
  end
end
