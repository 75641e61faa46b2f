# frozen_string_literal: true

module ::OnlineClinic
  # Prepended to Reviewable's singleton class: admins see every flag and queued post,
  # with content, unless the clinic's categories are taken out here.
  module ReviewableExtension
    def viewable_by(user, order: nil, preload: true)
      result = super
      hidden = OnlineClinic::ClinicAccess.hidden_category_ids_for(user)
      return result if hidden.empty?
      result.where("reviewables.category_id IS NULL OR reviewables.category_id NOT IN (?)", hidden)
    end
  end
end
