# frozen_string_literal: true

RSpec.describe OnlineClinic::ClinicsController do
  fab!(:therapists_group, :group)
  fab!(:therapist) { Fabricate(:user).tap { |user| therapists_group.add(user) } }
  fab!(:client, :user)
  fab!(:outsider, :user)
  fab!(:moderator)
  fab!(:admin)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    SiteSetting.online_clinic_therapists_group = therapists_group.id.to_s
  end

  describe "#index" do
    it "lists the therapist's clinics and says they may open more" do
      sign_in(therapist)
      get "/online-clinic/clinics.json"
      expect(response.status).to eq(200)
      expect(response.parsed_body["clinics"].map { |c| c["id"] }).to eq([clinic.id])
      expect(response.parsed_body["can_create"]).to eq(true)
    end

    it "lists a client's own clinic and nobody else's" do
      Fabricate(:online_clinic, therapist:)
      sign_in(client)
      get "/online-clinic/clinics.json"
      expect(response.parsed_body["clinics"].map { |c| c["id"] }).to eq([clinic.id])
      expect(response.parsed_body["can_create"]).to eq(false)
    end

    it "asks anonymous visitors to log in" do
      get "/online-clinic/clinics.json"
      expect(response.status).to eq(403)
    end
  end

  describe "#show" do
    it "shows the clinic to its client" do
      sign_in(client)
      get "/online-clinic/clinics/#{clinic.id}.json"
      expect(response.status).to eq(200)
      expect(response.parsed_body.dig("clinic", "permissions", "can_archive")).to eq(false)
    end

    it "answers 404 to another user, a moderator and, in strict mode, an admin" do
      [outsider, moderator, admin].each do |user|
        sign_in(user)
        get "/online-clinic/clinics/#{clinic.id}.json"
        expect(response.status).to eq(404), "expected 404 for #{user.username}"
      end
    end

    it "answers 404 for a clinic id that does not exist, exactly as for a hidden one" do
      sign_in(outsider)
      get "/online-clinic/clinics/#{clinic.id}.json"
      hidden = response.parsed_body
      get "/online-clinic/clinics/#{clinic.id + 1000}.json"
      expect(response.status).to eq(404)
      expect(response.parsed_body).to eq(hidden)
    end

    context "when strict confidentiality is off" do
      before { SiteSetting.online_clinic_strict_confidentiality = false }

      it "lets an admin in and writes the access to the clinic's audit log" do
        sign_in(admin)
        get "/online-clinic/clinics/#{clinic.id}.json"
        expect(response.status).to eq(200)
        entry = clinic.audit_entries.last
        expect(entry.action).to eq("non_member_access")
        expect(entry.actor_id).to eq(admin.id)
      end
    end
  end

  describe "#by_category" do
    it "finds the clinic of a category for its members" do
      sign_in(therapist)
      get "/online-clinic/clinics/by-category/#{clinic.category_id}.json"
      expect(response.parsed_body.dig("clinic", "id")).to eq(clinic.id)
    end

    it "answers 404 to a non-member" do
      sign_in(outsider)
      get "/online-clinic/clinics/by-category/#{clinic.category_id}.json"
      expect(response.status).to eq(404)
    end
  end

  describe "#create" do
    let(:body) do
      { name: "Noa", kind: "individual", usernames: [outsider.username], request_id: "abc" }
    end

    it "opens a clinic and returns it" do
      sign_in(therapist)
      post "/online-clinic/clinics.json", params: body
      expect(response.status).to eq(200)
      expect(response.parsed_body.dig("clinic", "name")).to eq("Noa")
    end

    it "opens one clinic for a double click" do
      sign_in(therapist)
      post "/online-clinic/clinics.json", params: body
      first_id = response.parsed_body.dig("clinic", "id")
      expect { post "/online-clinic/clinics.json", params: body }.not_to change {
        OnlineClinic::Clinic.count
      }
      expect(response.parsed_body.dig("clinic", "id")).to eq(first_id)
    end

    it "refuses a therapist outside the therapists group with a translated error" do
      sign_in(outsider)
      post "/online-clinic/clinics.json", params: body.merge(usernames: [client.username])
      expect(response.status).to eq(403)
      expect(response.parsed_body["errors"]).to eq([I18n.t("online_clinic.errors.not_a_therapist")])
    end

    it "refuses an unknown user, an empty name and HTML in a name, creating nothing" do
      sign_in(therapist)
      [
        [
          body.merge(usernames: ["ghost"]),
          I18n.t("online_clinic.errors.unknown_user", username: "ghost"),
        ],
        [body.merge(name: ""), I18n.t("online_clinic.errors.name_blank")],
        [body.merge(name: "<script>x</script>"), I18n.t("online_clinic.errors.name_contains_html")],
        [body.merge(name: "x" * 51), I18n.t("online_clinic.errors.name_too_long")],
      ].each_with_index do |(params, message), index|
        expect {
          post "/online-clinic/clinics.json", params: params.merge(request_id: "r#{index}")
        }.not_to change { Category.count }
        expect(response.status).to eq(422)
        expect(response.parsed_body["errors"]).to include(message)
      end
    end
  end

  describe "#update" do
    it "renames the clinic for a member allowed to" do
      sign_in(client)
      put "/online-clinic/clinics/#{clinic.id}.json", params: { name: "Quiet room" }
      expect(response.status).to eq(200)
      expect(response.parsed_body.dig("clinic", "name")).to eq("Quiet room")
    end

    it "answers 404 to a non-member" do
      sign_in(outsider)
      put "/online-clinic/clinics/#{clinic.id}.json", params: { name: "Mine now" }
      expect(response.status).to eq(404)
      expect(clinic.reload.name).not_to eq("Mine now")
    end
  end

  describe "#archive and #reopen" do
    it "archives and reopens for the therapist" do
      sign_in(therapist)
      put "/online-clinic/clinics/#{clinic.id}/archive.json"
      expect(response.parsed_body.dig("clinic", "status")).to eq("archived")
      put "/online-clinic/clinics/#{clinic.id}/reopen.json"
      expect(response.parsed_body.dig("clinic", "status")).to eq("open")
    end

    it "refuses a client with a translated error" do
      sign_in(client)
      put "/online-clinic/clinics/#{clinic.id}/archive.json"
      expect(response.status).to eq(403)
      expect(response.parsed_body["errors"]).to eq([I18n.t("online_clinic.errors.not_permitted")])
    end

    it "answers 404 to a non-member" do
      sign_in(outsider)
      put "/online-clinic/clinics/#{clinic.id}/archive.json"
      expect(response.status).to eq(404)
    end
  end

  describe "the Ember routes" do
    it "serves the app shell at /clinic" do
      sign_in(therapist)
      get "/clinic"
      expect(response.status).to eq(200)
    end
  end
end
