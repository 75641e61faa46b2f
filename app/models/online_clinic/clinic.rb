# frozen_string_literal: true

module ::OnlineClinic
  # A clinic: one read-restricted category whose only permission is the clinic's hidden group.
  class Clinic < ActiveRecord::Base
    self.table_name = "online_clinic_clinics"

    KINDS = %w[individual couple group].freeze
    STATUSES = %w[open archived].freeze
    CATEGORY_IDS_CACHE_KEY = "online_clinic_category_ids"

    belongs_to :category
    belongs_to :group
    belongs_to :moderation_group, class_name: "Group"
    belongs_to :created_by, class_name: "User"
    belongs_to :welcome_topic, class_name: "Topic", optional: true

    has_many :memberships, class_name: "OnlineClinic::Membership", dependent: :destroy
    has_many :audit_entries, -> { order(:seq) }, class_name: "OnlineClinic::AuditEntry"
    has_many :pending_invites, class_name: "OnlineClinic::PendingInvite", dependent: :destroy

    validates :name, presence: true
    validates :kind, inclusion: { in: KINDS }
    validates :status, inclusion: { in: STATUSES }
    validates :request_id, presence: true

    after_commit :forget_category_ids

    # Read on every Guardian check, so kept in Discourse's per-site cache.
    def self.category_ids
      Discourse.cache.fetch(CATEGORY_IDS_CACHE_KEY, expires_in: 1.hour) { pluck(:category_id) }
    end

    def self.category_ids_of_member(user_id)
      return [] if user_id.blank?
      joins(:memberships).where(online_clinic_memberships: { user_id: user_id }).pluck(:category_id)
    end

    def archived?
      status == "archived"
    end

    def member_roles
      memberships.to_h { |membership| [membership.user_id, membership.role.to_sym] }
    end

    def facts
      OnlineClinic::ClinicPolicy::ClinicFacts.new(member_roles: member_roles, archived: archived?)
    end

    def members_with_role(role)
      memberships.select { |membership| membership.role == role }.map(&:user)
    end

    def message_bus_channel
      "/online-clinic/clinic/#{id}"
    end

    # The audience is the clinic's own group: never empty, never staff.
    def publish_changed!
      MessageBus.publish(
        message_bus_channel,
        { type: "clinic_changed", clinic_id: id },
        group_ids: [group_id],
      )
    end

    private

    def forget_category_ids
      Discourse.cache.delete(CATEGORY_IDS_CACHE_KEY)
    end
  end
end
