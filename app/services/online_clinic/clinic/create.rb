# frozen_string_literal: true

# Opens a clinic, all or nothing: hidden group, therapists-only moderation group,
# read-restricted category, chat channel, pinned welcome topic, memberships, invites and
# the first audit entry. The same request_id twice gives back the same clinic.
class OnlineClinic::Clinic::Create
  include Service::Base
  include OnlineClinic::ClinicServiceSteps

  GROUP_NAME_PREFIX = "oc"
  MODERATION_GROUP_NAME_PREFIX = "ocm"

  params do
    attribute :name, :string
    attribute :kind, :string, default: "individual"
    attribute :usernames, :array, default: -> { [] }
    attribute :emails, :array, default: -> { [] }
    attribute :request_id, :string
    attribute :source_topic_id, :integer

    validates :request_id, presence: true, length: { maximum: 100 }
  end

  policy :can_act
  model :clinic, :find_existing_clinic, optional: true
  step :validate_input

  transaction do
    step :lock_request
    step :provision
  end

  step :publish_clinic_change

  private

  def can_act(guardian:)
    allowed =
      OnlineClinic::ClinicPolicy.can_create_clinic?(
        OnlineClinic::ClinicAccess.actor_for(guardian.user),
      )
    context[:denial] = :not_a_therapist if !allowed
    allowed
  end

  def find_existing_clinic(params:, guardian:)
    OnlineClinic::Clinic.find_by(created_by_id: guardian.user.id, request_id: params.request_id)
  end

  def validate_input(clinic:, params:, guardian:)
    context[:resolved] = nil
    return if clinic # a repeated request: nothing to validate, nothing to create

    messages = name_error_messages(params.name)
    if OnlineClinic::Clinic::KINDS.exclude?(params.kind)
      messages << I18n.t("online_clinic.errors.invalid_kind")
    end
    resolved =
      OnlineClinic::ClientResolver.new(guardian.user).resolve(
        usernames: params.usernames,
        emails: params.emails,
      )
    messages.concat(resolved.errors)
    if resolved.users.empty? && resolved.emails.empty? && resolved.errors.empty?
      messages << I18n.t("online_clinic.errors.no_clients")
    end
    fail!(messages) if messages.present?
    context[:resolved] = resolved
  end

  # Two clicks run concurrently: the second waits here, then finds the first's clinic.
  def lock_request(params:, guardian:)
    key = Zlib.crc32("online_clinic:#{guardian.user.id}:#{params.request_id}")
    DB.exec("SELECT pg_advisory_xact_lock(:key)", key: key)
    context[:clinic] ||= find_existing_clinic(params: params, guardian: guardian)
  end

  def provision(clinic:, params:, guardian:, resolved:)
    return if clinic

    therapist = guardian.user
    name = OnlineClinic::ClinicName.normalize(params.name)
    group = create_group(GROUP_NAME_PREFIX, therapist)
    moderation_group = create_group(MODERATION_GROUP_NAME_PREFIX, therapist)
    category = create_category(name, group, moderation_group, therapist)

    clinic =
      OnlineClinic::Clinic.create!(
        name: name,
        kind: params.kind,
        status: "open",
        request_id: params.request_id,
        category: category,
        group: group,
        moderation_group: moderation_group,
        created_by: therapist,
      )
    context[:clinic] = clinic

    OnlineClinic::Membership.create!(
      clinic: clinic,
      user: therapist,
      role: "therapist",
      added_by: therapist,
    )
    details = { name: name, kind: params.kind, source_topic_id: params.source_topic_id }.compact
    append_audit(clinic, guardian, :clinic_opened, details)

    resolved.users.each do |user|
      OnlineClinic::Membership.create!(
        clinic: clinic,
        user: user,
        role: "client",
        added_by: therapist,
      )
      group.add(user)
      append_audit(clinic, guardian, :client_added, { username: user.username })
    end

    resolved.emails.each do |email|
      invite = Invite.generate(therapist, email: email, group_ids: [group.id])
      OnlineClinic::PendingInvite.create!(
        clinic: clinic,
        invite: invite,
        email: email,
        invited_by: therapist,
      )
      append_audit(clinic, guardian, :client_invited, { email: email })
    end

    clinic.update!(
      chat_channel_id: create_chat_channel(category),
      welcome_topic_id: create_welcome_topic(category, therapist),
    )
  rescue Invite::UserExists, RateLimiter::LimitExceeded, ActiveRecord::RecordInvalid => e
    fail!([e.message])
  end

  # Hidden from everyone but its owners and admins; nobody can mention or message it.
  def create_group(prefix, therapist)
    group =
      Group.create!(
        name: "#{prefix}#{SecureRandom.alphanumeric(12).downcase}",
        visibility_level: Group.visibility_levels[:owners],
        members_visibility_level: Group.visibility_levels[:owners],
        mentionable_level: Group::ALIAS_LEVELS[:nobody],
        messageable_level: Group::ALIAS_LEVELS[:nobody],
      )
    # Owner, so that Discourse lets the therapist's email invites add people to the group.
    group.add_owner(therapist)
    group
  end

  def create_category(name, group, moderation_group, therapist)
    category =
      Category.new(
        name: OnlineClinic::CategoryNamePicker.pick(name),
        slug: "c-#{SecureRandom.alphanumeric(12).downcase}",
        user: therapist,
      )
    category.set_permissions(group.id => :full)
    category.save!
    # Flags in the clinic go to its therapist(s) only (needs enable_category_group_moderation).
    CategoryModerationGroup.create!(category: category, group: moderation_group)
    category
  end

  def create_chat_channel(category)
    return if !defined?(::Chat::CreateCategoryChannel) || !SiteSetting.try(:chat_enabled)

    result =
      ::Chat::CreateCategoryChannel.call(
        guardian: Guardian.new(Discourse.system_user),
        params: {
          name: category.name,
          slug: category.slug,
          category_id: category.id,
          auto_join_users: true,
        },
      )
    result.success? ? result[:channel]&.id : nil
  end

  def create_welcome_topic(category, therapist)
    post =
      PostCreator.create!(
        therapist,
        title: I18n.t("online_clinic.welcome_topic.title"),
        raw: I18n.t("online_clinic.welcome_topic.body"),
        category: category.id,
        skip_validations: true,
      )
    post.topic.update_pinned(true)
    post.topic_id
  end
end
