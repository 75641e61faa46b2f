# frozen_string_literal: true

module ::OnlineClinic
  # Prepended to Topic's singleton class: summary (digest) emails never list a clinic topic,
  # not even to the clinic's own members.
  module TopicDigestExtension
    def for_digest(...)
      topics = super(...)
      return topics if !SiteSetting.online_clinic_enabled
      ids = OnlineClinic::Clinic.category_ids
      return topics if ids.empty?
      topics.where("topics.category_id IS NULL OR topics.category_id NOT IN (?)", ids)
    end
  end
end
