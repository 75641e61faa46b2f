# frozen_string_literal: true

RSpec.describe OnlineClinic::MembersController do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:partner, :user)
  fab!(:outsider, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    sign_in(therapist)
  end

  describe "#create" do
    it "adds a partner by username" do
      post "/online-clinic/clinics/#{clinic.id}/members.json",
           params: {
             username: partner.username,
           }
      expect(response.status).to eq(200)
      roles = response.parsed_body.dig("clinic", "members").to_h { |m| [m["id"], m["role"]] }
      expect(roles[partner.id]).to eq("client")
    end

    it "refuses an unknown user with a translated error" do
      post "/online-clinic/clinics/#{clinic.id}/members.json", params: { username: "ghost" }
      expect(response.status).to eq(422)
      expect(response.parsed_body["errors"]).to eq(
        [I18n.t("online_clinic.errors.unknown_user", username: "ghost")],
      )
    end

    it "refuses to act on an archived clinic" do
      clinic.update!(status: "archived")
      post "/online-clinic/clinics/#{clinic.id}/members.json",
           params: {
             username: partner.username,
           }
      expect(response.status).to eq(422)
      expect(response.parsed_body["errors"]).to eq([I18n.t("online_clinic.errors.archived")])
    end

    it "answers 404 to a non-member" do
      sign_in(outsider)
      post "/online-clinic/clinics/#{clinic.id}/members.json",
           params: {
             username: partner.username,
           }
      expect(response.status).to eq(404)
    end
  end

  describe "#destroy" do
    it "refuses to remove the last client" do
      delete "/online-clinic/clinics/#{clinic.id}/members/#{client.id}.json"
      expect(response.status).to eq(422)
      expect(response.parsed_body["errors"]).to eq([I18n.t("online_clinic.errors.last_client")])
    end
  end
end
