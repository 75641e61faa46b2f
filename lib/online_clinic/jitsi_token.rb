# frozen_string_literal: true

require "jwt"
require "openssl"

module OnlineClinic
  # Builds the JWT that lets one clinic member join their clinic's Jitsi room.
  #
  # Claims follow Jitsi's own documents, read for this file:
  # - jitsi/lib-jitsi-meet doc/tokens.md: iss (application id), aud, sub (the domain, or the
  #   tenant), room (the bare room name, not the MUC address), exp, context.user {id, name,
  #   avatar}; every context.user field must be a string ("null will generate an exception").
  # - jitsi/jitsi-meet resources/prosody-plugins/token/util.lib.lua: Prosody accepts only
  #   iss == app_id by default and compares the room lower-cased, and checks the token only on
  #   connect and on joining the room.
  # - developer.8x8.com/jaas/docs/api-keys-jwt and jitsi/jitsi-meet
  #   react/features/base/jwt/functions.ts (validateJwt): JaaS needs RS256 with
  #   kid "<app id>/<key id>", aud "jitsi", iss "chat", sub = app id, context.features present,
  #   and integer exp/nbf.
  #
  # The member's e-mail is never put in the token: Jitsi (and 8x8 for JaaS) do not need it.
  module JitsiToken
    ROLES = %i[therapist client].freeze

    # Added to the session length so that a late start or an overrun still lets people
    # (re)join; Jitsi checks the token only when joining, so a call in progress is not cut.
    DEFAULT_MARGIN_SECONDS = 15 * 60

    # Accepts a Jitsi server whose clock runs a little ahead of ours.
    CLOCK_SKEW_SECONDS = 60

    SELF_HOSTED_AUDIENCE = "jitsi"
    JAAS_AUDIENCE = "jitsi"
    JAAS_ISSUER = "chat"

    # Nothing of a session is ever recorded, streamed, transcribed or dialled out; keys from
    # MEET_FEATURES in jitsi/jitsi-meet react/features/base/jwt/constants.ts.
    FEATURES_OFF = %w[
      recording
      livestreaming
      transcription
      file-upload
      inbound-call
      outbound-call
      sip-inbound-call
      sip-outbound-call
    ].freeze

    # A self-hosted Jitsi with token authentication (Prosody app_id / app_secret): HS256.
    def self.self_hosted(
      app_id:,
      app_secret:,
      domain:,
      room:,
      member:,
      role:,
      now:,
      session_seconds:,
      margin_seconds: DEFAULT_MARGIN_SECONDS
    )
      payload =
        claims(
          issuer: app_id,
          audience: SELF_HOSTED_AUDIENCE,
          subject: domain.to_s.downcase,
          room:,
          member:,
          role:,
          now:,
          expires_at: expiry(now:, session_seconds:, margin_seconds:),
        )
      JWT.encode(payload, app_secret, "HS256", { typ: "JWT" })
    end

    # 8x8 Jitsi as a Service: RS256, signed with the private key whose public half was uploaded
    # to the JaaS console under key_id.
    def self.jaas(
      app_id:,
      key_id:,
      private_key:,
      room:,
      member:,
      role:,
      now:,
      session_seconds:,
      margin_seconds: DEFAULT_MARGIN_SECONDS
    )
      payload =
        claims(
          issuer: JAAS_ISSUER,
          audience: JAAS_AUDIENCE,
          subject: app_id,
          room:,
          member:,
          role:,
          now:,
          expires_at: expiry(now:, session_seconds:, margin_seconds:),
        )
      key =
        private_key.is_a?(OpenSSL::PKey::RSA) ? private_key : OpenSSL::PKey::RSA.new(private_key)
      JWT.encode(payload, key, "RS256", { typ: "JWT", kid: "#{app_id}/#{key_id}" })
    end

    # Unix seconds at which a token made at `now` for a session of that length stops admitting.
    def self.expiry(now:, session_seconds:, margin_seconds: DEFAULT_MARGIN_SECONDS)
      lifetime = session_seconds.to_i + margin_seconds.to_i
      raise ArgumentError, "a token must live for a positive time" if !lifetime.positive?

      now.to_i + lifetime
    end

    def self.claims(issuer:, audience:, subject:, room:, member:, role:, now:, expires_at:)
      raise ArgumentError, "unknown role: #{role.inspect}" if !ROLES.include?(role)

      issued_at = now.to_i
      moderator = role == :therapist
      {
        iss: issuer,
        aud: audience,
        sub: subject,
        room: room,
        iat: issued_at,
        nbf: issued_at - CLOCK_SKEW_SECONDS,
        exp: expires_at,
        context: {
          user: user_claim(member, moderator),
          features: features_claim(moderator),
        },
      }
    end

    def self.user_claim(member, moderator)
      name = member.fetch(:name).to_s.strip
      raise ArgumentError, "a member needs a display name" if name.empty?

      user = { id: member.fetch(:id).to_s, name: name }
      avatar = member[:avatar_url].to_s
      # Jitsi throws on a null avatar: leave the key out instead.
      user[:avatar] = avatar if !avatar.empty?
      user[:moderator] = moderator
      user
    end

    def self.features_claim(moderator)
      features = FEATURES_OFF.to_h { |feature| [feature, false] }
      # Only the therapist lets a waiting client in from the lobby.
      features["lobby"] = moderator
      features
    end

    private_class_method :claims, :user_claim, :features_claim
  end
end
