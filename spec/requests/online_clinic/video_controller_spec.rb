# frozen_string_literal: true

RSpec.describe OnlineClinic::VideoController do
  fab!(:therapist, :user)
  fab!(:client) { Fabricate(:user, name: "Dana Levi") }
  fab!(:outsider, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  let(:app_secret) { "prosody-app-secret-#{SecureRandom.hex(16)}" }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  def configure_self_hosted
    SiteSetting.online_clinic_jitsi_provider = "self_hosted"
    SiteSetting.online_clinic_jitsi_domain = "meet.example.org"
    SiteSetting.online_clinic_jitsi_app_id = "clinic-forum"
    SiteSetting.online_clinic_jitsi_app_secret = app_secret
  end

  def video_url(id = clinic.id)
    "/online-clinic/clinics/#{id}/video.json"
  end

  def events_url(id = clinic.id)
    "/online-clinic/clinics/#{id}/video/events.json"
  end

  def claims_of(body)
    JWT.decode(body["jwt"], nil, false).first
  end

  describe "#show" do
    before { configure_self_hosted }

    it "gives a member what the browser needs to join, and nothing more" do
      sign_in(client)
      get video_url
      expect(response.status).to eq(200)
      body = response.parsed_body
      expect(body.keys).to contain_exactly(
        "provider",
        "domain",
        "script_url",
        "room",
        "jwt",
        "expires_at",
        "server_now_ms",
      )
      expect(body["provider"]).to eq("self_hosted")
      expect(body["domain"]).to eq("meet.example.org")
      expect(body["script_url"]).to eq("https://meet.example.org/external_api.js")
      expect(body["server_now_ms"]).to be_within(60_000).of((Time.now.to_f * 1000).to_i)
    end

    it "signs the token with the app secret and names the member, who is not a moderator" do
      SiteSetting.enable_names = true
      SiteSetting.prioritize_username_in_ux = false
      sign_in(client)
      get video_url
      body = response.parsed_body
      claims = JWT.decode(body["jwt"], app_secret, true, algorithm: "HS256").first
      expect(claims["iss"]).to eq("clinic-forum")
      expect(claims["room"]).to eq(body["room"])
      expect(claims.dig("context", "user", "name")).to eq("Dana Levi")
      expect(claims.dig("context", "user", "id")).to eq(client.id.to_s)
      expect(claims.dig("context", "user", "avatar")).to start_with("http")
      expect(claims.dig("context", "user", "moderator")).to eq(false)
      expect(claims.dig("context", "user")).not_to have_key("email")
    end

    it "names the member by username where the forum puts usernames first" do
      SiteSetting.prioritize_username_in_ux = true
      sign_in(client)
      get video_url
      expect(claims_of(response.parsed_body).dig("context", "user", "name")).to eq(client.username)
    end

    it "makes the clinic's therapist a moderator" do
      sign_in(therapist)
      get video_url
      expect(claims_of(response.parsed_body).dig("context", "user", "moderator")).to eq(true)
    end

    it "keeps one unguessable room per clinic, the same for every member and every request" do
      sign_in(client)
      get video_url
      room = response.parsed_body["room"]
      expect(room).to match(/\A[0-9a-f]{32,}\z/)

      get video_url
      expect(response.parsed_body["room"]).to eq(room)
      sign_in(therapist)
      get video_url
      expect(response.parsed_body["room"]).to eq(room)

      other_clinic = Fabricate(:online_clinic, therapist:)
      get video_url(other_clinic.id)
      expect(response.parsed_body["room"]).not_to eq(room)
    end

    it "lets the token last a default session plus 15 minutes when no session runs" do
      freeze_time Time.utc(2026, 12, 11, 10)
      SiteSetting.online_clinic_session_minutes = 50
      sign_in(client)
      get video_url
      expect(claims_of(response.parsed_body)["exp"]).to eq(
        (Time.utc(2026, 12, 11, 10) + 65.minutes).to_i,
      )
      expect(response.parsed_body["expires_at"]).to eq("2026-12-11T11:05:00.000Z")
    end

    it "lets the token last what remains of the running session plus 15 minutes" do
      freeze_time Time.utc(2026, 12, 11, 10)
      Fabricate(
        :online_clinic_session,
        clinic:,
        planned_minutes: 50,
        started_at_ms: OnlineClinic::SessionState.to_ms(Time.utc(2026, 12, 11, 9, 30)),
      )
      sign_in(client)
      get video_url
      expect(claims_of(response.parsed_body)["exp"]).to eq(
        (Time.utc(2026, 12, 11, 10) + 35.minutes).to_i,
      )
    end

    it "answers 404 to a non-member, exactly as for a clinic that does not exist" do
      sign_in(outsider)
      get video_url
      expect(response.status).to eq(404)
      hidden = response.parsed_body
      get video_url(clinic.id + 1000)
      expect(response.status).to eq(404)
      expect(response.parsed_body).to eq(hidden)
      expect(clinic.reload.video_room).to be_nil
    end

    it "answers 404 to an admin who is not a member, even without strict confidentiality" do
      SiteSetting.online_clinic_strict_confidentiality = false
      sign_in(Fabricate(:admin))
      get video_url
      expect(response.status).to eq(404)
    end

    it "refuses an archived clinic with 422 archived" do
      clinic.update!(status: "archived")
      sign_in(client)
      get video_url
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("archived")
      expect(response.parsed_body["errors"]).to eq([I18n.t("online_clinic.errors.archived")])
    end

    it "never sends a secret to the browser" do
      key = OpenSSL::PKey::RSA.generate(2048)
      sign_in(client)
      get video_url
      expect(response.body).not_to include(app_secret)

      SiteSetting.online_clinic_jitsi_provider = "jaas"
      SiteSetting.online_clinic_jaas_app_id = "vpaas-magic-cookie-0123abcd"
      SiteSetting.online_clinic_jaas_key_id = "key1"
      SiteSetting.online_clinic_jaas_private_key = key.to_pem
      get video_url
      expect(response.status).to eq(200)
      expect(response.parsed_body["room"]).to start_with("vpaas-magic-cookie-0123abcd/")
      JWT.decode(response.parsed_body["jwt"], key.public_key, true, algorithm: "RS256")
      pem_body = key.to_pem.lines[1..-2].join.delete("\n")
      expect(response.body).not_to include(pem_body[0, 40])
      expect(response.body).not_to include(app_secret)
    end
  end

  describe "#show when video is not configured" do
    it "tells an admin member which settings to fill in" do
      therapist.update!(admin: true)
      SiteSetting.online_clinic_jitsi_provider = "self_hosted"
      SiteSetting.online_clinic_jitsi_domain = "meet.jit.si"
      SiteSetting.online_clinic_jitsi_app_secret = app_secret
      sign_in(therapist)
      get video_url
      expect(response.status).to eq(422)
      body = response.parsed_body
      expect(body["error_type"]).to eq("video_not_configured")
      expect(body["admin"]).to eq(true)
      expect(body["missing_settings"]).to eq(%w[online_clinic_jitsi_app_id])
      expect(body["invalid_settings"]).to eq(%w[online_clinic_jitsi_domain])
      expect(body["errors"].first).to include("online_clinic_jitsi_app_id")
      expect(response.body).not_to include(app_secret)
    end

    it "tells a client only that the site's administrator has to set video up" do
      sign_in(client)
      get video_url
      expect(response.status).to eq(422)
      body = response.parsed_body
      expect(body["error_type"]).to eq("video_not_configured")
      expect(body["admin"]).to eq(false)
      expect(body["missing_settings"]).to eq([])
      expect(body["invalid_settings"]).to eq([])
      expect(body["errors"]).to eq([I18n.t("online_clinic.errors.video_not_configured")])
      expect(response.body).not_to include("online_clinic_jitsi")
      expect(clinic.reload.video_room).to be_nil
    end
  end

  describe "#create_event" do
    it "records a join with the running session and tells only the clinic's members" do
      session = Fabricate(:online_clinic_session, clinic:)
      sign_in(client)
      messages =
        MessageBus.track_publish(clinic.message_bus_channel) do
          post events_url, params: { event: "joined" }
        end
      expect(response.status).to eq(200)
      expect(response.parsed_body).to eq("success" => "OK")
      event = OnlineClinic::VideoEvent.last
      expect(event).to have_attributes(
        clinic_id: clinic.id,
        user_id: client.id,
        event: "joined",
        session_id: session.id,
      )
      expect(messages.map(&:data)).to contain_exactly(
        { type: "video_changed", clinic_id: clinic.id },
      )
      expect(messages.first.group_ids).to eq([clinic.group_id])
    end

    it "records a leave outside a session without a session" do
      sign_in(therapist)
      post events_url, params: { event: "left" }
      expect(response.status).to eq(200)
      expect(OnlineClinic::VideoEvent.last).to have_attributes(event: "left", session_id: nil)
    end

    it "refuses an unknown event with 400 and a translated message, recording nothing" do
      sign_in(client)
      expect { post events_url, params: { event: "recording_started" } }.not_to change {
        OnlineClinic::VideoEvent.count
      }
      expect(response.status).to eq(400)
      expect(response.parsed_body["errors"]).to eq(
        [I18n.t("online_clinic.errors.invalid_video_event")],
      )
    end

    it "answers 404 to a non-member and publishes nothing" do
      sign_in(outsider)
      messages =
        MessageBus.track_publish(clinic.message_bus_channel) do
          post events_url, params: { event: "joined" }
        end
      expect(response.status).to eq(404)
      expect(messages).to be_empty
      expect(OnlineClinic::VideoEvent.count).to eq(0)
    end

    it "still records a leave in an archived clinic, but no join" do
      clinic.update!(status: "archived")
      sign_in(client)
      post events_url, params: { event: "joined" }
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("archived")
      post events_url, params: { event: "left" }
      expect(response.status).to eq(200)
      expect(OnlineClinic::VideoEvent.pluck(:event)).to eq(["left"])
    end
  end
end
