# frozen_string_literal: true

# What a member's browser needs to join their clinic's Jitsi call (docs/video.md): the domain,
# the room, and a JWT that names them and makes only the clinic's therapists moderators. The
# room name is made on the first request, under the clinic's row lock, and then never changes.
class OnlineClinic::Video::JoinConfig
  include Service::Base

  # The settings JitsiRoom.check_settings reads, in its own order.
  SETTING_NAMES = [
    OnlineClinic::JitsiRoom::PROVIDER_SETTING,
    *OnlineClinic::JitsiRoom::PROVIDERS.values.flatten,
  ].uniq.freeze

  AVATAR_SIZE = "120"

  params do
    attribute :clinic_id, :integer

    validates :clinic_id, presence: true
  end

  model :clinic
  policy :can_act
  policy :video_configured
  transaction { step :ensure_room }

  step :build_config

  private

  def fetch_clinic(params:)
    OnlineClinic::Clinic.includes(memberships: :user).find_by(id: params.clinic_id)
  end

  # Members only: anyone else is answered as if the clinic did not exist, admins included (video
  # is no oversight surface). An archived clinic holds no calls.
  def can_act(clinic:, guardian:)
    context[:denial] = if !clinic.member_roles.key?(guardian.user&.id)
      :not_found
    elsif clinic.archived?
      :archived
    end
    context[:denial].nil?
  end

  def video_configured
    context[:settings_check] = OnlineClinic::JitsiRoom.check_settings(jitsi_settings)
    context[:settings_check][:ok]
  end

  def ensure_room(clinic:)
    return if clinic.video_room.present?

    # A second request that waited on the lock finds the first one's name and keeps it.
    clinic.lock!
    return if clinic.video_room.present?
    clinic.update_columns(video_room: OnlineClinic::JitsiRoom.generate_name)
  end

  def build_config(clinic:, guardian:)
    now = Time.zone.now
    user = guardian.user
    result =
      OnlineClinic::JitsiRoom.join_config(
        settings: jitsi_settings,
        room_name: clinic.video_room,
        member: {
          id: user.id,
          name: display_name(user),
          avatar_url: avatar_url(user),
        },
        role: clinic.member_roles[user.id] == :therapist ? :therapist : :client,
        now: now,
        session_seconds: session_seconds(clinic, now),
      )
    fail!(result[:error]) if !result[:ok]
    context[:video_config] = result.except(:ok).merge(
      server_now_ms: OnlineClinic::SessionState.to_ms(now),
    )
  end

  def jitsi_settings
    SETTING_NAMES.to_h { |name| [name, SiteSetting.get(name)] }
  end

  # The running (or paused) session's remaining time, else a default session's length; the pure
  # token code adds its margin. An overrun session leaves just the margin.
  def session_seconds(clinic, now)
    session = OnlineClinic::Session.open_sessions.find_by(clinic_id: clinic.id)
    return SiteSetting.online_clinic_session_minutes * 60 if session.nil?
    [session.session_state.remaining_seconds(now), 0].max
  end

  # The name the forum shows for this user, as chat names people in direct messages.
  def display_name(user)
    prefers_name = SiteSetting.enable_names && !SiteSetting.prioritize_username_in_ux
    (prefers_name && user.name.presence) || user.username
  end

  # Jitsi loads the avatar in other members' browsers, so it must be absolute with a scheme.
  def avatar_url(user)
    url = UrlHelper.absolute(user.avatar_template.gsub("{size}", AVATAR_SIZE))
    url.start_with?("//") ? "https:#{url}" : url
  end
end
