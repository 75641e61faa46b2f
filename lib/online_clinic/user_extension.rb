# frozen_string_literal: true

module ::OnlineClinic
  # Prepended to User. Core gives admins every read-restricted category here (unless
  # suppress_secured_categories_from_admin); that id list feeds Category.secured,
  # Topic.secured, search, TopicQuery (lists, suggested), the sidebar and bookmarks.
  module UserExtension
    def secure_category_ids
      ids = super
      return ids if !admin?
      hidden = OnlineClinic::ClinicAccess.hidden_category_ids_for(self)
      hidden.empty? ? ids : ids - hidden
    end
  end
end
