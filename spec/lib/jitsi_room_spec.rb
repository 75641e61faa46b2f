# frozen_string_literal: true

RSpec.describe OnlineClinic::JitsiRoom do
  let(:now) { Time.utc(2026, 12, 4, 20, 0, 0) }
  let(:room_name) { described_class.generate_name }
  let(:client) { { id: 12, name: "Noa", avatar_url: "https://forum.example.org/avatar/12.png" } }
  let(:self_hosted_settings) do
    {
      online_clinic_jitsi_provider: "self_hosted",
      online_clinic_jitsi_domain: "meet.example.org",
      online_clinic_jitsi_app_id: "online_clinic",
      online_clinic_jitsi_app_secret: "a-long-shared-secret",
    }
  end
  let(:rsa_key) { OpenSSL::PKey::RSA.new(2048) }
  let(:jaas_app_id) { "vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe" }
  let(:jaas_settings) do
    {
      online_clinic_jitsi_provider: "jaas",
      online_clinic_jaas_app_id: jaas_app_id,
      online_clinic_jaas_key_id: "4f4910",
      online_clinic_jaas_private_key: rsa_key.to_pem,
    }
  end

  def join(settings, role: :client, member: client)
    described_class.join_config(
      settings:,
      room_name:,
      member:,
      role:,
      now:,
      session_seconds: 50 * 60,
    )
  end

  describe ".generate_name" do
    it "is 128 random bits in lower-case hex, safe in a URL and in Prosody's lower-cased compare" do
      name = described_class.generate_name
      expect(name).to match(/\A[0-9a-f]{32}\z/)
      expect(described_class.valid_name?(name)).to eq(true)
    end

    it "comes from the random source, so nothing of the clinic is in it" do
      random = instance_double(Random)
      allow(random).to receive(:hex).with(16).and_return("ab" * 16)
      expect(described_class.generate_name(random:)).to eq("ab" * 16)
    end

    it "does not repeat" do
      names = Array.new(1000) { described_class.generate_name }
      expect(names.uniq.size).to eq(1000)
    end
  end

  describe ".valid_name?" do
    it "refuses anything that is not a generated name" do
      ["clinic-12", "*", "", nil, "AB" * 16, "ab" * 15, "#{"ab" * 16}\n"].each do |name|
        expect(described_class.valid_name?(name)).to eq(false), name.inspect
      end
    end
  end

  describe ".check_settings" do
    it "says which setting to choose first when no provider is chosen" do
      expect(described_class.check_settings({})).to eq(
        ok: false,
        error: :video_not_configured,
        missing_settings: ["online_clinic_jitsi_provider"],
        invalid_settings: [],
      )
    end

    it "lists every missing self-hosted setting, by its name" do
      result = described_class.check_settings(online_clinic_jitsi_provider: "self_hosted")
      expect(result[:error]).to eq(:video_not_configured)
      expect(result[:missing_settings]).to eq(
        %w[online_clinic_jitsi_domain online_clinic_jitsi_app_id online_clinic_jitsi_app_secret],
      )
    end

    it "lists every missing JaaS setting, by its name" do
      result = described_class.check_settings(jaas_settings.merge(online_clinic_jaas_key_id: " "))
      expect(result[:missing_settings]).to eq(%w[online_clinic_jaas_key_id])
    end

    it "refuses the public meet.jit.si, which does not take our tokens" do
      result =
        described_class.check_settings(
          self_hosted_settings.merge(online_clinic_jitsi_domain: "meet.jit.si"),
        )
      expect(result).to include(ok: false, invalid_settings: ["online_clinic_jitsi_domain"])
    end

    it "refuses a domain with a path in it" do
      result =
        described_class.check_settings(
          self_hosted_settings.merge(online_clinic_jitsi_domain: "meet.example.org/room"),
        )
      expect(result[:invalid_settings]).to eq(["online_clinic_jitsi_domain"])
    end

    it "refuses a JaaS private key that is not an RSA private key" do
      result =
        described_class.check_settings(
          jaas_settings.merge(online_clinic_jaas_private_key: rsa_key.public_key.to_pem),
        )
      expect(result[:invalid_settings]).to eq(["online_clinic_jaas_private_key"])
    end

    it "accepts complete settings" do
      expect(described_class.check_settings(self_hosted_settings)).to include(
        ok: true,
        provider: "self_hosted",
      )
      expect(described_class.check_settings(jaas_settings)).to include(ok: true, provider: "jaas")
    end
  end

  describe ".join_config" do
    it "gives a self-hosted member the domain, script, room, a verified token and its expiry" do
      config =
        join(self_hosted_settings.merge(online_clinic_jitsi_domain: "https://Meet.Example.org/"))
      expect(config).to include(
        ok: true,
        provider: "self_hosted",
        domain: "meet.example.org",
        script_url: "https://meet.example.org/external_api.js",
        room: room_name,
        expires_at: "2026-12-04T21:05:00.000Z",
      )
      payload, =
        JWT.decode(
          config[:jwt],
          "a-long-shared-secret",
          true,
          algorithm: "HS256",
          verify_expiration: false,
        )
      expect(payload).to include("room" => room_name, "sub" => "meet.example.org")
      expect(Time.at(payload["exp"]).utc.iso8601(3)).to eq(config[:expires_at])
    end

    it "puts a JaaS room under the tenant for the iframe, and the bare room in the token" do
      config = join(jaas_settings, role: :therapist)
      expect(config).to include(
        provider: "jaas",
        domain: "8x8.vc",
        script_url: "https://8x8.vc/#{jaas_app_id}/external_api.js",
        room: "#{jaas_app_id}/#{room_name}",
      )
      payload, header =
        JWT.decode(
          config[:jwt],
          rsa_key.public_key,
          true,
          algorithm: "RS256",
          verify_expiration: false,
        )
      expect(header["kid"]).to eq("#{jaas_app_id}/4f4910")
      expect(payload["room"]).to eq(room_name)
      expect(payload["context"]["user"]["moderator"]).to eq(true)
    end

    it "never gives a client a moderator token" do
      [self_hosted_settings, jaas_settings].each do |settings|
        claims = JWT.decode(join(settings, role: :client)[:jwt], nil, false).first
        expect(claims["context"]["user"]["moderator"]).to eq(false)
      end
    end

    it "says video is not configured, and what is missing, instead of building a token" do
      result = join(self_hosted_settings.merge(online_clinic_jitsi_app_secret: ""))
      expect(result).to eq(
        ok: false,
        error: :video_not_configured,
        missing_settings: ["online_clinic_jitsi_app_secret"],
        invalid_settings: [],
      )
    end

    it "keeps the secrets out of what the browser gets" do
      [self_hosted_settings, jaas_settings].each do |settings|
        config = join(settings)
        visible = config.except(:jwt).values.join(" ") + JWT.decode(config[:jwt], nil, false).to_s
        expect(visible).not_to include("a-long-shared-secret")
        expect(visible).not_to include("PRIVATE KEY")
      end
    end

    it "refuses a room name that was not generated here" do
      expect {
        described_class.join_config(
          settings: self_hosted_settings,
          room_name: "clinic-12",
          member: client,
          role: :client,
          now:,
          session_seconds: 3000,
        )
      }.to raise_error(ArgumentError)
    end
  end
end
