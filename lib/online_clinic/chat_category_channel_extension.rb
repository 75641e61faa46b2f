# frozen_string_literal: true

module ::OnlineClinic
  # Prepended to Chat::CategoryChannel. Core publishes a category channel's messages to
  # all staff plus the category's groups; a clinic channel goes to the clinic group only.
  module ChatCategoryChannelExtension
    def allowed_group_ids
      return super if !SiteSetting.online_clinic_enabled
      clinic_group_id = OnlineClinic::Clinic.where(category_id: chatable_id).pick(:group_id)
      clinic_group_id ? [clinic_group_id] : super
    end
  end
end
