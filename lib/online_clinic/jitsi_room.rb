# frozen_string_literal: true

require "openssl"
require "securerandom"
require "time"

module OnlineClinic
  # A clinic's Jitsi room and what a member's browser needs to join it.
  #
  # Settings come in as a hash keyed by the site settings' names, so that this stays free of
  # Discourse and an admin can be told exactly which settings are missing or wrong.
  module JitsiRoom
    # 16 random bytes = 128 bits, written as lower-case hex: URL-safe, and Prosody compares room
    # names lower-cased (jitsi/jitsi-meet resources/prosody-plugins/token/util.lib.lua).
    ROOM_NAME_BYTES = 16
    ROOM_NAME = /\A[0-9a-f]{#{ROOM_NAME_BYTES * 2}}\z/

    PROVIDER_SETTING = :online_clinic_jitsi_provider
    PROVIDERS = {
      "self_hosted" => %i[
        online_clinic_jitsi_domain
        online_clinic_jitsi_app_id
        online_clinic_jitsi_app_secret
      ],
      "jaas" => %i[
        online_clinic_jaas_app_id
        online_clinic_jaas_key_id
        online_clinic_jaas_private_key
      ],
    }.freeze

    JAAS_DOMAIN = "8x8.vc"

    # The public meet.jit.si does not take our tokens and ends embedded calls after 5 minutes.
    PUBLIC_DOMAINS = %w[meet.jit.si].freeze
    DOMAIN =
      /\A[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)+(?::\d{1,5})?\z/

    # Nothing in the name says which clinic it belongs to, or that it is a clinic at all.
    def self.generate_name(random: SecureRandom)
      random.hex(ROOM_NAME_BYTES)
    end

    def self.valid_name?(name)
      name.is_a?(String) && ROOM_NAME.match?(name)
    end

    # { ok: true, provider:, missing_settings: [], invalid_settings: [] } when video can be used;
    # otherwise ok: false, error: :video_not_configured and the settings to fix, in order.
    def self.check_settings(settings)
      provider = settings[PROVIDER_SETTING].to_s.strip
      required = PROVIDERS[provider]
      return not_configured(missing: [PROVIDER_SETTING]) if required.nil?

      missing = required.select { |name| settings[name].to_s.strip.empty? }
      invalid = invalid_settings(provider, settings) - missing
      return not_configured(missing:, invalid:) if missing.any? || invalid.any?

      { ok: true, provider:, missing_settings: [], invalid_settings: [] }
    end

    # What the token endpoint returns for one member: provider, domain, script_url, room, jwt,
    # expires_at (ISO 8601 UTC). Or the failure of check_settings.
    def self.join_config(settings:, room_name:, member:, role:, now:, session_seconds:)
      raise ArgumentError, "not a clinic room name" if !valid_name?(room_name)

      check = check_settings(settings)
      return check if !check[:ok]

      token_args = { room: room_name, member:, role:, now:, session_seconds: }
      if check[:provider] == "jaas"
        jaas_config(settings, token_args)
      else
        self_hosted_config(settings, token_args)
      end
    end

    def self.self_hosted_config(settings, token_args)
      domain = normalize_domain(settings[:online_clinic_jitsi_domain])
      jwt =
        JitsiToken.self_hosted(
          app_id: settings[:online_clinic_jitsi_app_id].to_s.strip,
          app_secret: settings[:online_clinic_jitsi_app_secret].to_s,
          domain:,
          **token_args,
        )
      browser_config("self_hosted", domain, "https://#{domain}/external_api.js", token_args, jwt)
    end

    def self.jaas_config(settings, token_args)
      app_id = settings[:online_clinic_jaas_app_id].to_s.strip
      jwt =
        JitsiToken.jaas(
          app_id:,
          key_id: settings[:online_clinic_jaas_key_id].to_s.strip,
          private_key: settings[:online_clinic_jaas_private_key].to_s,
          **token_args,
        )
      # JaaS rooms live under the tenant: the iframe gets "<app id>/<room>", the token the room.
      config =
        browser_config(
          "jaas",
          JAAS_DOMAIN,
          "https://#{JAAS_DOMAIN}/#{app_id}/external_api.js",
          token_args,
          jwt,
        )
      config.merge(room: "#{app_id}/#{token_args[:room]}")
    end

    def self.browser_config(provider, domain, script_url, token_args, jwt)
      expires_at =
        JitsiToken.expiry(now: token_args[:now], session_seconds: token_args[:session_seconds])
      {
        ok: true,
        provider:,
        domain:,
        script_url:,
        room: token_args[:room],
        jwt:,
        expires_at: Time.at(expires_at).utc.iso8601(3),
      }
    end

    def self.invalid_settings(provider, settings)
      invalid = []
      if provider == "self_hosted"
        domain = normalize_domain(settings[:online_clinic_jitsi_domain])
        if !domain.empty? && (!DOMAIN.match?(domain) || PUBLIC_DOMAINS.include?(domain))
          invalid << :online_clinic_jitsi_domain
        end
      elsif provider == "jaas"
        key = settings[:online_clinic_jaas_private_key].to_s
        invalid << :online_clinic_jaas_private_key if !key.strip.empty? && !rsa_private_key?(key)
      end
      invalid
    end

    # "https://meet.example.org/" and "Meet.Example.org" both mean meet.example.org.
    def self.normalize_domain(value)
      value.to_s.strip.downcase.delete_prefix("https://").delete_suffix("/")
    end

    def self.rsa_private_key?(pem)
      OpenSSL::PKey::RSA.new(pem).private?
    rescue OpenSSL::PKey::PKeyError, ArgumentError
      false
    end

    def self.not_configured(missing: [], invalid: [])
      {
        ok: false,
        error: :video_not_configured,
        missing_settings: missing.map(&:to_s),
        invalid_settings: invalid.map(&:to_s),
      }
    end

    private_class_method :self_hosted_config,
                         :jaas_config,
                         :browser_config,
                         :invalid_settings,
                         :rsa_private_key?,
                         :not_configured
  end
end
