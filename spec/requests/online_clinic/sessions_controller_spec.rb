# frozen_string_literal: true

RSpec.describe OnlineClinic::SessionsController do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  def start(params = {})
    post "/online-clinic/clinics/#{clinic.id}/sessions.json",
         params: { mode: "video", request_id: "r1" }.merge(params)
  end

  describe "#index" do
    it "gives a member the current session, the schedule and the server's clock" do
      session = Fabricate(:online_clinic_session, clinic:)
      sign_in(client)
      get "/online-clinic/clinics/#{clinic.id}/sessions.json"
      expect(response.status).to eq(200)
      body = response.parsed_body
      expect(body.dig("current", "id")).to eq(session.id)
      expect(body.dig("current", "clock", "state")).to eq("running")
      expect(body.dig("current", "permissions", "can_pause")).to eq(false)
      expect(body["permissions"]).to eq(
        "can_start" => false,
        "can_request" => true,
        "can_schedule" => false,
        "can_set_boundary" => false,
      )
      expect(body["default_minutes"]).to eq(50)
      expect(body["server_now_ms"]).to be_within(60_000).of((Time.now.to_f * 1000).to_i)
    end

    it "offers the therapist the clinic's topics a written session may continue, and a client none" do
      topic = Fabricate(:topic, category: clinic.category, title: "Letters to my father, again")
      Fabricate(:topic, title: "A public topic elsewhere on the forum")

      sign_in(therapist)
      get "/online-clinic/clinics/#{clinic.id}/sessions.json"
      expect(response.parsed_body["topics"]).to include(
        { "id" => topic.id, "title" => topic.title },
      )
      expect(response.parsed_body["topics"].map { |t| t["id"] }).to all(
        satisfy { |id| Topic.find(id).category_id == clinic.category_id },
      )

      sign_in(client)
      get "/online-clinic/clinics/#{clinic.id}/sessions.json"
      expect(response.parsed_body["topics"]).to eq([])
    end

    it "answers 404 to a non-member, exactly as for a clinic that does not exist" do
      sign_in(outsider)
      get "/online-clinic/clinics/#{clinic.id}/sessions.json"
      expect(response.status).to eq(404)
      hidden = response.parsed_body
      get "/online-clinic/clinics/#{clinic.id + 1000}/sessions.json"
      expect(response.parsed_body).to eq(hidden)
    end

    it "runs the same number of queries for 2 ended sessions as for 8" do
      sign_in(therapist)
      end_sessions = ->(count) do
        count.times do
          session = Fabricate(:online_clinic_session, clinic:)
          OnlineClinic::Session::End.call(
            params: {
              session_id: session.id,
            },
            guardian: therapist.guardian,
          )
        end
      end
      end_sessions.call(2)
      get "/online-clinic/clinics/#{clinic.id}/sessions.json"
      few = track_sql_queries { get "/online-clinic/clinics/#{clinic.id}/sessions.json" }.count
      end_sessions.call(6)
      many = track_sql_queries { get "/online-clinic/clinics/#{clinic.id}/sessions.json" }.count
      expect(response.parsed_body["recent"].length).to eq(8)
      expect(many).to eq(few)
    end
  end

  describe "#create" do
    it "starts a session for the therapist and tells only the clinic's members" do
      sign_in(therapist)
      messages = MessageBus.track_publish(clinic.message_bus_channel) { start }
      expect(response.status).to eq(200)
      expect(response.parsed_body.dig("session", "state")).to eq("running")
      expect(response.parsed_body["server_now_ms"]).to be_a(Integer)
      expect(messages.map(&:data)).to contain_exactly(
        include(type: "session_changed", clinic_id: clinic.id),
      )
      expect(messages.first.group_ids).to eq([clinic.group_id])
      expect(clinic.audit_entries.last.action).to eq("session_started")
    end

    it "gives back the same session for a repeated request_id (a double click)" do
      sign_in(therapist)
      start
      first_id = response.parsed_body.dig("session", "id")
      expect { start }.not_to change { OnlineClinic::Session.count }
      expect(response.parsed_body.dig("session", "id")).to eq(first_id)
    end

    it "refuses a second session while one runs (a second tab), with a translated error" do
      sign_in(therapist)
      start
      expect { start(request_id: "r2") }.not_to change { OnlineClinic::Session.count }
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("already_running")
      expect(response.parsed_body["errors"]).to eq([I18n.t("online_clinic.errors.already_running")])
    end

    it "opens a written session's topic in the clinic, titled with its number and date" do
      sign_in(therapist)
      freeze_time Time.utc(2026, 12, 4, 10)
      start(mode: "written")
      topic = Topic.find(response.parsed_body.dig("session", "topic_id"))
      expect(topic.category_id).to eq(clinic.category_id)
      expect(topic.title).to eq("Session 1 — 4 December 2026")
    end

    it "answers 404 when the picked topic is not in this clinic" do
      sign_in(therapist)
      start(mode: "written", topic_id: Fabricate(:topic).id)
      expect(response.status).to eq(404)
      expect(OnlineClinic::Session.count).to eq(0)
    end

    it "refuses a client with 403 and an archived clinic with 422 archived" do
      sign_in(client)
      start
      expect(response.status).to eq(403)
      clinic.update!(status: "archived")
      sign_in(therapist)
      start
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("archived")
    end

    it "answers 404 to a non-member" do
      sign_in(outsider)
      start
      expect(response.status).to eq(404)
    end

    it "refuses a length outside 10..180 minutes" do
      sign_in(therapist)
      start(planned_minutes: 5)
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("invalid_length")
    end
  end

  describe "transitions" do
    fab!(:session) { Fabricate(:online_clinic_session, clinic:) }

    before { sign_in(therapist) }

    def transition(name, params = {})
      put "/online-clinic/sessions/#{session.id}/#{name}.json", params: params
    end

    it "pauses, resumes and ends, with the summary on end" do
      transition(:pause)
      expect(response.parsed_body.dig("session", "state")).to eq("paused")
      transition(:resume)
      expect(response.parsed_body.dig("session", "state")).to eq("running")
      transition(:end)
      body = response.parsed_body["session"]
      expect(body["state"]).to eq("ended")
      expect(body["ended_reason"]).to eq("ended_by_therapist")
      expect(body.dig("ended_by", "id")).to eq(therapist.id)
      expect(body.dig("summary", "pause_count")).to eq(1)
      expect(clinic.audit_entries.last.action).to eq("session_ended")
    end

    it "refuses to pause a paused session and to resume a running one, changing nothing" do
      transition(:resume)
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("not_paused")
      transition(:pause)
      transition(:pause)
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("not_running")
      expect(session.reload.pauses.length).to eq(1)
    end

    it "extends by 5 or 10 minutes and refuses to pass 180 minutes" do
      session.update!(planned_minutes: 170)
      transition(:extend, minutes: 10)
      expect(response.parsed_body.dig("session", "clock", "extensions_seconds")).to eq(600)
      transition(:extend, minutes: 5)
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("extension_past_maximum")
      expect(response.parsed_body["errors"]).to eq(
        [I18n.t("online_clinic.errors.extension_past_maximum")],
      )
      expect(session.reload.extensions_minutes).to eq(10)
    end

    it "refuses to end a session twice" do
      transition(:end)
      transition(:end)
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("already_ended")
    end

    it "refuses the client with 403 and a non-member with 404" do
      sign_in(client)
      transition(:end)
      expect(response.status).to eq(403)
      sign_in(outsider)
      transition(:end)
      expect(response.status).to eq(404)
      expect(session.reload.state).to eq("running")
    end
  end
end
