# frozen_string_literal: true

module ::OnlineClinic
  # Discourse-bound glue around the pure ClinicPolicy: builds its inputs from Discourse
  # records and writes the audit entry when the policy says an access must be visible.
  module ClinicAccess
    NON_MEMBER_ACCESS_THROTTLE = 1.hour

    module_function

    def therapists_group
      value = SiteSetting.online_clinic_therapists_group.to_s
      return if value.blank?
      # The group setting stores an id in current Discourse, a name in older versions.
      group_id = Integer(value, exception: false)
      group_id ? Group.find_by(id: group_id) : Group.find_by(name: value)
    end

    def therapist?(user)
      group = therapists_group
      return false if user.blank? || group.blank?
      GroupUser.exists?(group_id: group.id, user_id: user.id)
    end

    def actor_for(user)
      OnlineClinic::ClinicPolicy::Actor.new(
        user_id: user&.id,
        admin: !!user&.admin?,
        moderator: !!user&.moderator?,
        therapist: therapist?(user),
      )
    end

    def policy(user, clinic, actor: nil)
      OnlineClinic::ClinicPolicy.new(
        actor: actor || actor_for(user),
        clinic: clinic.facts,
        strict_confidentiality: SiteSetting.online_clinic_strict_confidentiality,
      )
    end

    # Clinic categories this user must not see in lists, search, review queue and streams.
    def hidden_category_ids_for(user)
      return [] if !SiteSetting.online_clinic_enabled
      return [] if user&.admin? && !SiteSetting.online_clinic_strict_confidentiality
      OnlineClinic::Clinic.category_ids - OnlineClinic::Clinic.category_ids_of_member(user&.id)
    end

    # Written at most once an hour per user and clinic, so browsing does not flood the log.
    def record_non_member_access(user, clinic, surface)
      return if user.blank?
      key = "online_clinic_access:#{clinic.id}:#{user.id}"
      return if !Discourse.redis.set(key, "1", ex: NON_MEMBER_ACCESS_THROTTLE.to_i, nx: true)

      OnlineClinic::AuditEntry.append!(
        clinic,
        action: :non_member_access,
        actor_id: user.id,
        details: {
          surface: surface.to_s,
        },
      )
      clinic.publish_changed!
    end
  end
end
