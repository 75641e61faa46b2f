# frozen_string_literal: true

module ::OnlineClinic
  # One clinic for its members (Clinic in docs/contract.md).
  class ClinicSerializer < ClinicSummarySerializer
    attributes :members,
               :pending_invites,
               :chat_channel_url,
               :welcome_topic_url,
               :created_at,
               :archived_at,
               :permissions

    def members
      object.memberships.map { |membership| MemberSerializer.new(membership, root: false).as_json }
    end

    def pending_invites
      object.pending_invites.map { |invite| { email: invite.email, invited_at: invite.created_at } }
    end

    def chat_channel_url
      return if object.chat_channel_id.blank? || !defined?(::Chat::Channel)
      ::Chat::Channel.find_by(id: object.chat_channel_id)&.relative_url
    end

    def welcome_topic_url
      object.welcome_topic&.relative_url
    end

    def permissions
      OnlineClinic::ClinicAccess.policy(scope.user, object).permissions
    end
  end
end
