# frozen_string_literal: true

module ::OnlineClinic
  # Prepended to Guardian. For a clinic category the pure policy decides; core still decides
  # everything else (deleted posts, whispers...) for those the policy lets in.
  module GuardianExtension
    def can_see_category?(category)
      clinic_allows?(category&.id, :category) { super }
    end

    def can_see_topic?(topic, hide_deleted = true)
      clinic_allows?(topic&.category_id, :topic) { super }
    end

    def can_see_post?(post)
      clinic_allows?(post&.topic&.category_id, :post) { super }
    end

    def can_receive_post_notifications?(post)
      clinic_allows?(post&.topic&.category_id, :notification) { super }
    end

    # Core returns every id to an admin (unless suppress_secured_categories_from_admin); lists
    # built from ids (bookmarks, suggested topics, user activity) must still drop clinics.
    def can_see_topic_ids(topic_ids: [], hide_deleted: true)
      ids = super
      hidden = OnlineClinic::ClinicAccess.hidden_category_ids_for(user)
      return ids if hidden.empty? || ids.empty?
      ids - ::Topic.where(id: ids, category_id: hidden).pluck(:id)
    end

    # Core returns the scope untouched for an admin; a clinic's topics stay out of it.
    def filter_allowed_categories(records, category_id_column: "topics.category_id")
      allowed = super
      hidden = OnlineClinic::ClinicAccess.hidden_category_ids_for(user)
      return allowed if hidden.empty?
      allowed.where("#{category_id_column} IS NULL OR #{category_id_column} NOT IN (?)", hidden)
    end

    # Core raises InvalidAccess (403) from ensure_can_see!, e.g. in CategoriesController#show
    # and PostsController#show; for a clinic the answer is 404 so its existence stays hidden.
    def ensure_can_see!(obj)
      raise Discourse::NotFound if online_clinic_category_id_of(obj) && !can_see?(obj)
      super
    end

    # The record stays visible: in a clinic every member may read every post's edit history.
    def can_view_edit_history?(post)
      category_id = post&.topic&.category_id
      return super if online_clinic_for_category(category_id).nil?

      online_clinic_member?(category_id) || super
    end

    # ... and no revision of a clinic post can be hidden (PostsController#hide_revision asks this).
    # PostRevision#post skips a deleted post (Trashable's default scope), whose revisions stay.
    def can_hide_post_revision?(post_revision)
      post = post_revision && ::Post.with_deleted.find_by(id: post_revision.post_id)
      return false if online_clinic_category_id_of(post)
      super
    end

    # With online_clinic_forbid_hard_delete nobody, an admin included, permanently deletes a
    # clinic's post or topic: deletions stay soft and leave their marker.
    def can_permanently_delete?(obj)
      if SiteSetting.online_clinic_forbid_hard_delete && online_clinic_category_id_of(obj)
        return false
      end
      super
    end

    private

    def online_clinic_member?(category_id)
      clinic = online_clinic_for_category(category_id)
      return false if clinic.nil? || user.blank?

      @online_clinic_actor ||= OnlineClinic::ClinicAccess.actor_for(user)
      OnlineClinic::ClinicAccess.policy(user, clinic, actor: @online_clinic_actor).member?
    end

    def online_clinic_category_id_of(obj)
      category_id =
        case obj
        when ::Category
          obj.id
        when ::Topic
          obj.category_id
        when ::Post
          (obj.topic || ::Topic.with_deleted.find_by(id: obj.topic_id))&.category_id
        end
      category_id if online_clinic_for_category(category_id)
    end

    def clinic_allows?(category_id, surface)
      clinic = online_clinic_for_category(category_id)
      return yield if clinic.nil?

      @online_clinic_actor ||= OnlineClinic::ClinicAccess.actor_for(user)
      policy = OnlineClinic::ClinicAccess.policy(user, clinic, actor: @online_clinic_actor)
      return false if !policy.can?(:see)

      allowed = yield
      if allowed && policy.audited_access?
        OnlineClinic::ClinicAccess.record_non_member_access(user, clinic, surface)
      end
      allowed
    end

    def online_clinic_for_category(category_id)
      return if category_id.blank? || !SiteSetting.online_clinic_enabled
      @online_clinic_category_ids ||= OnlineClinic::Clinic.category_ids
      return if @online_clinic_category_ids.exclude?(category_id)

      @online_clinics_by_category ||= {}
      @online_clinics_by_category[category_id] ||= OnlineClinic::Clinic.includes(
        :memberships,
      ).find_by(category_id: category_id)
    end
  end
end
