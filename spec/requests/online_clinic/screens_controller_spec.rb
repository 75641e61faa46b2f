# frozen_string_literal: true

RSpec.describe OnlineClinic::ScreensController do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  let(:page_item) { { kind: "page", url: "https://example.com/article" } }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  def screen_url(suffix = "", id: clinic.id)
    "/online-clinic/clinics/#{id}/screen#{suffix}.json"
  end

  def show_page(url = "https://example.com/article", reading: { position: 0.25 })
    put screen_url, params: { item: { kind: "page", url: url }, reading: reading }, as: :json
  end

  def now_ms
    OnlineClinic::SessionState.to_ms(Time.now)
  end

  def clinic_upload(target_clinic = clinic)
    topic = Fabricate(:topic, category: target_clinic.category)
    post = Fabricate(:post, topic: topic, user: topic.user)
    upload = Fabricate(:upload, original_filename: "letter.pdf", extension: "pdf")
    UploadReference.create!(upload: upload, target: post)
    upload
  end

  describe "a non-member" do
    before { sign_in(outsider) }

    it "gets the same 404 on every endpoint as for a clinic that does not exist" do
      requests = [
        ->(id) { get screen_url(id: id) },
        ->(id) { put screen_url(id: id), params: { item: page_item }, as: :json },
        ->(id) { post screen_url("/lead", id: id) },
        ->(id) { delete screen_url("/lead", id: id) },
        ->(id) { put screen_url("/heartbeat", id: id) },
        ->(id) { put screen_url("/lock", id: id), params: { locked: true }, as: :json },
        ->(id) { get screen_url("/preview", id: id), params: { url: "https://example.com/" } },
      ]
      requests.each do |request|
        request.call(clinic.id)
        expect(response.status).to eq(404)
        hidden = response.parsed_body
        request.call(clinic.id + 1000)
        expect(response.status).to eq(404)
        expect(response.parsed_body).to eq(hidden)
      end
      expect(OnlineClinic::ScreenStateRecord.where(clinic_id: clinic.id).pick(:state)).to be_nil
    end

    it "is not told anything over MessageBus" do
      messages =
        MessageBus.track_publish(clinic.message_bus_channel) do
          put screen_url, params: { item: page_item }, as: :json
        end
      expect(messages).to be_empty
    end

    it "includes an admin who is not a member" do
      SiteSetting.online_clinic_strict_confidentiality = false
      sign_in(Fabricate(:admin))
      get screen_url
      expect(response.status).to eq(404)
    end
  end

  describe "#show" do
    it "gives a member the empty screen, what they may do and the server's time" do
      sign_in(client)
      get screen_url
      expect(response.status).to eq(200)
      body = response.parsed_body
      expect(body["state"]).to include("seq" => 0, "leader_id" => nil, "item" => nil)
      expect(body["permissions"]).to eq("can_lead" => true, "can_lock" => false)
      expect(body["server_now_ms"]).to be_within(60_000).of(now_ms)
    end

    it "lets the therapist lock the lead" do
      sign_in(therapist)
      get screen_url
      expect(response.parsed_body["permissions"]).to eq("can_lead" => true, "can_lock" => true)
    end

    it "releases a lead that has been silent for 30 seconds, and tells the members" do
      freeze_time Time.utc(2026, 12, 13, 10)
      sign_in(client)
      post screen_url("/lead")
      seq = response.parsed_body.dig("state", "seq")

      freeze_time Time.utc(2026, 12, 13, 10, 0, 31)
      sign_in(therapist)
      messages = MessageBus.track_publish(clinic.message_bus_channel) { get screen_url }
      state = response.parsed_body["state"]
      expect(state["leader_id"]).to be_nil
      expect(state["seq"]).to eq(seq + 1)
      expect(messages.map { |m| m.data[:state]["leader_id"] }).to eq([nil])
      expect(OnlineClinic::ScreenStateRecord.find_by(clinic_id: clinic.id).state["seq"]).to eq(
        seq + 1,
      )
    end

    it "shows an archived clinic's screen without letting anyone lead" do
      clinic.update!(status: "archived")
      sign_in(therapist)
      get screen_url
      expect(response.status).to eq(200)
      expect(response.parsed_body["permissions"]).to eq("can_lead" => false, "can_lock" => false)
    end
  end

  describe "leading" do
    it "lets a member lead, publishes the state to the clinic's group only, and records the page" do
      session = Fabricate(:online_clinic_session, clinic:)
      sign_in(client)
      messages = MessageBus.track_publish(clinic.message_bus_channel) { show_page }
      expect(response.status).to eq(200)
      state = response.parsed_body["state"]
      expect(state).to include("seq" => 1, "leader_id" => client.id)
      expect(state["item"]).to eq("kind" => "page", "url" => "https://example.com/article")
      expect(state["reading"]).to eq("position" => 0.25, "page" => nil)
      expect(response.parsed_body["server_now_ms"]).to be_within(60_000).of(now_ms)

      expect(messages.length).to eq(1)
      expect(messages.first.group_ids).to eq([clinic.group_id])
      expect(messages.first.user_ids).to be_blank
      expect(messages.first.data).to include(type: "screen_state", clinic_id: clinic.id)
      expect(messages.first.data[:state]["seq"]).to eq(1)

      expect(OnlineClinic::ScreenShow.sole).to have_attributes(
        clinic_id: clinic.id,
        user_id: client.id,
        session_id: session.id,
        item_kind: "page",
        url: "https://example.com/article",
        upload_id: nil,
        video_id: nil,
      )
    end

    it "stores the normalised address, not what was typed" do
      sign_in(client)
      show_page("  HTTPS://Example.com:443/a b  ")
      expect(response.parsed_body.dig("state", "item", "url")).to eq("https://example.com/a%20b")
    end

    it "records a show when the item changes, not when the leader scrolls" do
      sign_in(client)
      show_page(reading: { position: 0.1 })
      show_page(reading: { position: 0.5 })
      show_page(reading: { position: 0.9 })
      expect(response.parsed_body.dig("state", "seq")).to eq(3)
      expect(OnlineClinic::ScreenShow.count).to eq(1)

      show_page("https://example.org/other")
      expect(OnlineClinic::ScreenShow.order(:id).pluck(:url)).to eq(
        %w[https://example.com/article https://example.org/other],
      )
    end

    it "answers another member with 409 not_leader and the current state, changing nothing" do
      sign_in(client)
      show_page
      sign_in(therapist)
      messages =
        MessageBus.track_publish(clinic.message_bus_channel) do
          show_page("https://example.org/mine")
        end
      expect(response.status).to eq(409)
      body = response.parsed_body
      expect(body["error_type"]).to eq("not_leader")
      expect(body["errors"]).to eq([I18n.t("online_clinic.screen.errors.not_leader")])
      expect(body["state"]).to include("seq" => 1, "leader_id" => client.id)
      expect(body["state"]["item"]["url"]).to eq("https://example.com/article")
      expect(body["server_now_ms"]).to be_present
      expect(messages).to be_empty
    end

    it "lets a member take the lead and the leader give it up, keeping what is shown" do
      sign_in(client)
      show_page
      sign_in(therapist)
      post screen_url("/lead")
      expect(response.status).to eq(200)
      expect(response.parsed_body.dig("state", "leader_id")).to eq(therapist.id)

      delete screen_url("/lead")
      expect(response.status).to eq(200)
      state = response.parsed_body["state"]
      expect(state["leader_id"]).to be_nil
      expect(state["item"]["url"]).to eq("https://example.com/article")
    end

    it "refuses to release a lead the member does not hold" do
      sign_in(client)
      post screen_url("/lead")
      sign_in(therapist)
      delete screen_url("/lead")
      expect(response.status).to eq(409)
      expect(response.parsed_body["error_type"]).to eq("not_leader")
    end

    it "keeps the leader's lead alive with heartbeats and refuses them from others" do
      freeze_time Time.utc(2026, 12, 13, 10)
      sign_in(client)
      post screen_url("/lead")
      freeze_time Time.utc(2026, 12, 13, 10, 0, 25)
      put screen_url("/heartbeat")
      expect(response.status).to eq(200)
      freeze_time Time.utc(2026, 12, 13, 10, 0, 50)
      get screen_url
      expect(response.parsed_body.dig("state", "leader_id")).to eq(client.id)

      sign_in(therapist)
      put screen_url("/heartbeat")
      expect(response.status).to eq(409)
    end

    it "refuses changes in an archived clinic with 422 archived" do
      clinic.update!(status: "archived")
      sign_in(client)
      show_page
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("archived")
      expect(response.parsed_body["errors"]).to eq([I18n.t("online_clinic.screen.errors.archived")])
    end
  end

  describe "locking" do
    it "lets the therapist lock the lead against clients, and unlock it" do
      sign_in(therapist)
      put screen_url("/lock"), params: { locked: true }, as: :json
      expect(response.status).to eq(200)
      expect(response.parsed_body.dig("state", "locked")).to eq(true)

      sign_in(client)
      post screen_url("/lead")
      expect(response.status).to eq(403)
      expect(response.parsed_body["error_type"]).to eq("lead_locked")
      show_page
      expect(response.status).to eq(403)
      get screen_url
      expect(response.parsed_body.dig("permissions", "can_lead")).to eq(false)

      sign_in(therapist)
      put screen_url("/lock"), params: { locked: false }, as: :json
      expect(response.parsed_body.dig("state", "locked")).to eq(false)
      sign_in(client)
      post screen_url("/lead")
      expect(response.status).to eq(200)
    end

    it "refuses a client with 403 not_therapist" do
      sign_in(client)
      put screen_url("/lock"), params: { locked: true }, as: :json
      expect(response.status).to eq(403)
      expect(response.parsed_body["error_type"]).to eq("not_therapist")
      expect(response.parsed_body["errors"]).to eq(
        [I18n.t("online_clinic.screen.errors.not_therapist")],
      )
    end

    it "refuses a missing locked flag as an invalid payload" do
      sign_in(therapist)
      put screen_url("/lock"), params: {}, as: :json
      expect(response.status).to eq(422)
      expect(response.parsed_body).to include(
        "error_type" => "invalid_payload",
        "field" => "locked",
      )
    end
  end

  describe "bad input" do
    before { sign_in(client) }

    it "refuses a javascript: address with the URL policy's reason, storing nothing" do
      show_page("javascript:alert(document.cookie)")
      expect(response.status).to eq(422)
      body = response.parsed_body
      expect(body["error_type"]).to eq("url_scheme_not_allowed")
      expect(body["field"]).to eq("item.url")
      expect(body["errors"]).to eq([I18n.t("online_clinic.screen.errors.url_scheme_not_allowed")])
      expect(OnlineClinic::ScreenShow.count).to eq(0)
    end

    it "refuses an address with credentials in it" do
      show_page("https://user:secret@example.com/")
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("url_credentials_in_url")
    end

    it "refuses a private address" do
      show_page("http://192.168.1.1/admin")
      expect(response.parsed_body["error_type"]).to eq("url_private_host")
    end

    it "names the field of a malformed payload" do
      put screen_url, params: { item: page_item, reading: { position: 7 } }, as: :json
      expect(response.status).to eq(422)
      expect(response.parsed_body).to include(
        "error_type" => "invalid_payload",
        "field" => "reading.position",
      )
    end

    it "refuses a payload without an item" do
      put screen_url, params: { reading: { position: 0.5 } }, as: :json
      expect(response.status).to eq(422)
      expect(response.parsed_body["field"]).to eq("item")
    end
  end

  describe "documents" do
    before { sign_in(client) }

    it "shows a file of the clinic with its upload, and records it" do
      upload = clinic_upload
      put screen_url,
          params: {
            item: {
              kind: "document",
              document_id: upload.id,
            },
            reading: {
              position: 0,
              page: 3,
            },
          },
          as: :json
      expect(response.status).to eq(200)
      item = response.parsed_body.dig("state", "item")
      expect(item).to include("kind" => "document", "document_id" => upload.id)
      expect(item["upload"]).to eq(
        "inline_url" => "/online-clinic/clinics/#{clinic.id}/screen/documents/#{upload.id}",
        "url" => UrlHelper.cook_url(upload.url, secure: false),
        "original_filename" => "letter.pdf",
        "extension" => "pdf",
        "filesize" => upload.filesize,
      )
      expect(OnlineClinic::ScreenShow.sole).to have_attributes(
        item_kind: "document",
        upload_id: upload.id,
        url: nil,
      )
    end

    it "refuses a file of another clinic with 422 document_not_in_clinic" do
      other = Fabricate(:online_clinic, therapist:)
      upload = clinic_upload(other)
      put screen_url, params: { item: { kind: "document", document_id: upload.id } }, as: :json
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("document_not_in_clinic")
      expect(response.parsed_body["errors"]).to eq(
        [I18n.t("online_clinic.screen.errors.document_not_in_clinic")],
      )
      expect(OnlineClinic::ScreenStateRecord.where(clinic_id: clinic.id).pick(:state)).to be_nil
    end

    it "refuses an upload no post of the clinic refers to" do
      upload = Fabricate(:upload)
      put screen_url,
          params: {
            item: {
              kind: "video",
              document_id: upload.id,
            },
            video: {
              playing: false,
              position: 0,
            },
          },
          as: :json
      expect(response.parsed_body["error_type"]).to eq("document_not_in_clinic")
    end
  end

  describe "#document" do
    before { SiteSetting.authorized_extensions = "pdf|txt|html" }

    def stored_upload(file, name, target_clinic = clinic)
      upload = UploadCreator.new(file, name).create_for(therapist.id)
      topic = Fabricate(:topic, category: target_clinic.category)
      post = Fabricate(:post, topic: topic, user: therapist)
      UploadReference.create!(upload: upload, target: post)
      upload
    end

    def document_url(upload, id: clinic.id)
      "/online-clinic/clinics/#{id}/screen/documents/#{upload.id}"
    end

    def text_file(name, content)
      file = Tempfile.new(["screen", File.extname(name)])
      file.write(content)
      file.rewind
      file
    end

    it "shows a member a clinic's PDF inline, where Discourse would send an attachment" do
      upload = stored_upload(file_from_fixtures("large.pdf", "pdf"), "letter.pdf")
      sign_in(client)
      get document_url(upload)
      expect(response.status).to eq(200)
      expect(response.headers["Content-Type"]).to eq("application/pdf")
      expect(response.headers["Content-Disposition"]).to start_with("inline")
      expect(response.headers["X-Content-Type-Options"]).to eq("nosniff")
      expect(response.headers["Cache-Control"]).to include("no-store")
    end

    it "sends a text as plain UTF-8 text" do
      upload = stored_upload(text_file("note.txt", "שלום, a text to read together"), "note.txt")
      sign_in(client)
      get document_url(upload)
      expect(response.status).to eq(200)
      expect(response.headers["Content-Type"]).to eq("text/plain; charset=utf-8")
      expect(response.body.dup.force_encoding("UTF-8")).to include("שלום")
    end

    it "never serves an HTML upload inline (it could run script on the forum's origin)" do
      upload = stored_upload(text_file("page.html", "<script>alert(1)</script>"), "page.html")
      sign_in(client)
      get document_url(upload)
      expect(response.status).to eq(404)
    end

    it "is not found for a non-member, and for a file of another clinic" do
      upload = stored_upload(file_from_fixtures("large.pdf", "pdf"), "letter.pdf")
      sign_in(outsider)
      get document_url(upload)
      expect(response.status).to eq(404)

      other = Fabricate(:online_clinic, therapist:)
      elsewhere = stored_upload(file_from_fixtures("large.pdf", "pdf"), "other.pdf", other)
      sign_in(client)
      get document_url(elsewhere)
      expect(response.status).to eq(404)
    end

    it "gives the shown document's inline address in the state" do
      upload = stored_upload(file_from_fixtures("large.pdf", "pdf"), "letter.pdf")
      sign_in(client)
      put screen_url, params: { item: { kind: "document", document_id: upload.id } }, as: :json
      expect(response.parsed_body["state"]["item"]["upload"]["inline_url"]).to eq(
        "/online-clinic/clinics/#{clinic.id}/screen/documents/#{upload.id}",
      )
    end
  end

  describe "rate limits" do
    before { RateLimiter.enable }
    after { RateLimiter.disable }

    it "answers 429 with Discourse's message after 120 updates a minute, heartbeats apart" do
      sign_in(client)
      freeze_time
      120.times { |i| show_page(reading: { position: i / 200.0 }) }
      expect(response.status).to eq(200)
      put screen_url("/heartbeat")
      expect(response.status).to eq(200)

      show_page(reading: { position: 0.9 })
      expect(response.status).to eq(429)
      body = response.parsed_body
      expect(body["error_type"]).to eq("rate_limit")
      expect(body["errors"].first).to be_present
      expect(body["server_now_ms"]).to be_present
      expect(response.headers["Retry-After"]).to be_present
    end

    it "limits heartbeats on their own" do
      sign_in(client)
      freeze_time
      post screen_url("/lead")
      20.times { put screen_url("/heartbeat") }
      expect(response.status).to eq(200)
      put screen_url("/heartbeat")
      expect(response.status).to eq(429)
      show_page
      expect(response.status).to eq(200)
    end
  end

  describe "#preview" do
    let(:page_url) { "https://news.example.com/story" }

    before { sign_in(client) }

    it "gives a link card with the page's text fields and whether it can be framed" do
      OnlineClinic::ScreenLinkCard.stubs(:fetch_headers).returns(
        [{ "x-frame-options" => ["SAMEORIGIN"] }, page_url],
      )
      OnlineClinic::ScreenLinkCard.stubs(:onebox_data).returns(
        {
          title: "A <b>story</b>",
          description: "What happened\n\ntoday",
          image: "https://news.example.com/cover.png",
        },
      )
      get screen_url("/preview"), params: { url: page_url }
      expect(response.status).to eq(200)
      expect(response.parsed_body).to include(
        "url" => page_url,
        "title" => "A <b>story</b>",
        "description" => "What happened today",
        "image_url" => "https://news.example.com/cover.png",
        "domain" => "news.example.com",
        "frameable" => false,
      )
      expect(response.parsed_body["server_now_ms"]).to be_present
    end

    it "still gives the domain when the page cannot be reached, framing unknown" do
      OnlineClinic::ScreenLinkCard.stubs(:fetch_headers).returns(nil)
      get screen_url("/preview"), params: { url: "https://down.example.com/x" }
      expect(response.status).to eq(200)
      expect(response.parsed_body).to include(
        "title" => nil,
        "image_url" => nil,
        "domain" => "down.example.com",
        "frameable" => nil,
      )
    end

    it "drops an image address the URL policy refuses" do
      OnlineClinic::ScreenLinkCard.stubs(:fetch_headers).returns([{}, page_url])
      OnlineClinic::ScreenLinkCard.stubs(:onebox_data).returns(
        { title: "T", image: "javascript:alert(1)" },
      )
      get screen_url("/preview"), params: { url: page_url }
      expect(response.parsed_body).to include("image_url" => nil, "frameable" => true)
    end

    it "refuses a javascript: address before fetching anything" do
      OnlineClinic::ScreenLinkCard.expects(:fetch_headers).never
      get screen_url("/preview"), params: { url: "javascript:alert(1)" }
      expect(response.status).to eq(422)
      expect(response.parsed_body).to include(
        "error_type" => "url_scheme_not_allowed",
        "field" => "url",
      )
    end
  end
end
