# frozen_string_literal: true

RSpec.describe OnlineClinic::JitsiToken do
  let(:now) { Time.utc(2026, 12, 4, 20, 0, 0) }
  let(:room) { "0f1e2d3c4b5a69788796a5b4c3d2e1f0" }
  let(:therapist) do
    { id: 7, name: "Dr. Dana Levi", avatar_url: "https://forum.example.org/avatar/7.png" }
  end
  let(:client) { { id: 12, name: "Noa", avatar_url: "https://forum.example.org/avatar/12.png" } }
  let(:session_seconds) { 50 * 60 }
  let(:app_secret) { "a-long-shared-secret-known-only-to-prosody-and-us" }

  def self_hosted(member:, role:, **overrides)
    described_class.self_hosted(
      app_id: "online_clinic",
      app_secret:,
      domain: "Meet.Example.org",
      room:,
      member:,
      role:,
      now:,
      session_seconds:,
      **overrides,
    )
  end

  # Verifies exactly what Prosody would: signature and algorithm, and the time claims at the
  # moment given (the JWT library reads the clock, so the check time is passed through leeway).
  def verify_hs256(token, secret: app_secret, at: now)
    payload, header =
      JWT.decode(
        token,
        secret,
        true,
        algorithm: "HS256",
        verify_expiration: false,
        verify_not_before: false,
      )
    expect(at.to_i).to be < payload["exp"]
    expect(at.to_i).to be >= payload["nbf"]
    [payload, header]
  end

  describe ".self_hosted" do
    it "is signed with HS256 and the app secret" do
      payload, header = verify_hs256(self_hosted(member: therapist, role: :therapist))
      expect(header).to eq("alg" => "HS256", "typ" => "JWT")
      expect(payload["room"]).to eq(room)
    end

    it "carries the claims Prosody checks: issuer = app id, audience, domain, room" do
      payload, = verify_hs256(self_hosted(member: client, role: :client))
      expect(payload.slice("iss", "aud", "sub", "room")).to eq(
        "iss" => "online_clinic",
        "aud" => "jitsi",
        "sub" => "meet.example.org",
        "room" => room,
      )
    end

    it "names the member with their display name and avatar, and never their e-mail" do
      token = self_hosted(member: client.merge(email: "noa@example.org"), role: :client)
      payload, = verify_hs256(token)
      expect(payload["context"]["user"]).to eq(
        "id" => "12",
        "name" => "Noa",
        "avatar" => "https://forum.example.org/avatar/12.png",
        "moderator" => false,
      )
      expect(JWT.decode(token, nil, false).to_s).not_to include("noa@example.org")
    end

    it "leaves out an avatar the member does not have, since Jitsi throws on null" do
      payload, = verify_hs256(self_hosted(member: client.merge(avatar_url: nil), role: :client))
      expect(payload["context"]["user"]).not_to have_key("avatar")
    end

    it "makes the therapist a moderator" do
      payload, = verify_hs256(self_hosted(member: therapist, role: :therapist))
      expect(payload["context"]["user"]["moderator"]).to eq(true)
      expect(payload["context"]["features"]["lobby"]).to eq(true)
    end

    it "never makes a client a moderator" do
      payload, = verify_hs256(self_hosted(member: client, role: :client))
      expect(payload["context"]["user"]["moderator"]).to eq(false)
      expect(payload["context"]["features"]["lobby"]).to eq(false)
    end

    it "turns recording, streaming, transcription and dial-in/out off for everyone" do
      %i[therapist client].each do |role|
        payload, = verify_hs256(self_hosted(member: therapist, role:))
        features = payload["context"]["features"]
        %w[
          recording
          livestreaming
          transcription
          file-upload
          outbound-call
          sip-outbound-call
        ].each { |feature| expect(features[feature]).to eq(false), "#{feature} for #{role}" }
      end
    end

    it "is issued now, valid from a minute before (clock skew), until the session plus the margin" do
      payload, = verify_hs256(self_hosted(member: client, role: :client))
      expect(payload["iat"]).to eq(now.to_i)
      expect(payload["nbf"]).to eq(now.to_i - 60)
      expect(payload["exp"]).to eq(now.to_i + (50 * 60) + (15 * 60))
    end

    it "takes another margin when asked" do
      payload, = verify_hs256(self_hosted(member: client, role: :client, margin_seconds: 0))
      expect(payload["exp"]).to eq(now.to_i + (50 * 60))
    end

    it "is refused once the session and its margin are over" do
      # The library reads the real clock, so mint the token three hours ago.
      stale =
        described_class.self_hosted(
          app_id: "online_clinic",
          app_secret:,
          domain: "meet.example.org",
          room:,
          member: client,
          role: :client,
          now: Time.now - (3 * 60 * 60),
          session_seconds:,
        )
      expect { JWT.decode(stale, app_secret, true, algorithm: "HS256") }.to raise_error(
        JWT::ExpiredSignature,
      )
    end

    it "is refused before it is valid" do
      early =
        described_class.self_hosted(
          app_id: "online_clinic",
          app_secret:,
          domain: "meet.example.org",
          room:,
          member: client,
          role: :client,
          now: Time.now + (10 * 60),
          session_seconds:,
        )
      expect { JWT.decode(early, app_secret, true, algorithm: "HS256") }.to raise_error(
        JWT::ImmatureSignature,
      )
    end

    it "fails verification when a client turns themselves into a moderator" do
      token = self_hosted(member: client, role: :client)
      header, payload, signature = token.split(".")
      claims = JSON.parse(Base64.urlsafe_decode64(payload))
      claims["context"]["user"]["moderator"] = true
      forged_payload = Base64.urlsafe_encode64(JSON.generate(claims), padding: false)
      forged = [header, forged_payload, signature].join(".")

      expect { verify_hs256(forged) }.to raise_error(JWT::VerificationError)
    end

    it "fails verification with another secret" do
      token = self_hosted(member: client, role: :client)
      expect { verify_hs256(token, secret: "someone-else's-secret") }.to raise_error(
        JWT::VerificationError,
      )
    end

    it "refuses a role it does not know rather than guessing" do
      expect { self_hosted(member: client, role: :admin) }.to raise_error(ArgumentError)
    end

    it "refuses a member without a display name" do
      expect { self_hosted(member: client.merge(name: "  "), role: :client) }.to raise_error(
        ArgumentError,
      )
    end
  end

  describe ".jaas" do
    let(:rsa_key) { OpenSSL::PKey::RSA.new(2048) }
    let(:app_id) { "vpaas-magic-cookie-1fc542a3e4414a44b2611668195e2bfe" }

    def jaas(member:, role:, private_key: rsa_key.to_pem)
      described_class.jaas(
        app_id:,
        key_id: "4f4910",
        private_key:,
        room:,
        member:,
        role:,
        now:,
        session_seconds:,
      )
    end

    def verify_rs256(token, key: rsa_key.public_key)
      JWT.decode(
        token,
        key,
        true,
        algorithm: "RS256",
        verify_expiration: false,
        verify_not_before: false,
      )
    end

    it "is signed with RS256 by the private key and names the key in kid as <app id>/<key id>" do
      payload, header = verify_rs256(jaas(member: therapist, role: :therapist))
      expect(header).to eq("alg" => "RS256", "typ" => "JWT", "kid" => "#{app_id}/4f4910")
      expect(payload["room"]).to eq(room)
    end

    it "carries the JaaS claims: aud jitsi, iss chat, sub = app id, times, features" do
      payload, = verify_rs256(jaas(member: client, role: :client))
      expect(payload.slice("aud", "iss", "sub", "room", "iat", "nbf", "exp")).to eq(
        "aud" => "jitsi",
        "iss" => "chat",
        "sub" => app_id,
        "room" => room,
        "iat" => now.to_i,
        "nbf" => now.to_i - 60,
        "exp" => now.to_i + (65 * 60),
      )
      expect(payload["context"]["features"]).to include(
        "recording" => false,
        "livestreaming" => false,
      )
      expect(payload["context"]["user"]).to include("id" => "12", "name" => "Noa")
    end

    it "makes only the therapist a moderator" do
      expect(
        verify_rs256(jaas(member: therapist, role: :therapist)).first["context"]["user"][
          "moderator"
        ],
      ).to eq(true)
      expect(
        verify_rs256(jaas(member: client, role: :client)).first["context"]["user"]["moderator"],
      ).to eq(false)
    end

    it "accepts the key as a PEM string or as a key object" do
      token = jaas(member: client, role: :client, private_key: rsa_key)
      expect(verify_rs256(token).first["sub"]).to eq(app_id)
    end

    it "fails verification with another key pair" do
      token = jaas(member: client, role: :client)
      expect { verify_rs256(token, key: OpenSSL::PKey::RSA.new(2048).public_key) }.to raise_error(
        JWT::VerificationError,
      )
    end

    it "fails verification when the payload is tampered with" do
      header, payload, signature = jaas(member: client, role: :client).split(".")
      claims = JSON.parse(Base64.urlsafe_decode64(payload))
      claims["room"] = "*"
      forged = [
        header,
        Base64.urlsafe_encode64(JSON.generate(claims), padding: false),
        signature,
      ].join(".")
      expect { verify_rs256(forged) }.to raise_error(JWT::VerificationError)
    end
  end

  describe ".expiry" do
    it "is now plus the session plus the margin" do
      expect(described_class.expiry(now:, session_seconds: 3000, margin_seconds: 600)).to eq(
        now.to_i + 3600,
      )
    end

    it "refuses a token that would never be valid" do
      expect { described_class.expiry(now:, session_seconds: 0, margin_seconds: 0) }.to raise_error(
        ArgumentError,
      )
    end
  end
end
