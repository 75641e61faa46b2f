# frozen_string_literal: true

RSpec.describe "Session requests and the between-sessions boundary" do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client], name: "Noa therapy") }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  describe "requesting a session" do
    it "notifies the therapist once, in neutral words" do
      sign_in(client)
      post "/online-clinic/clinics/#{clinic.id}/session-requests.json"
      expect(response.parsed_body).to eq("success" => "OK")
      post "/online-clinic/clinics/#{clinic.id}/session-requests.json"
      notifications = Notification.where(user_id: therapist.id)
      expect(notifications.count).to eq(1)
      data = JSON.parse(notifications.first.data)
      expect(data["topic_title"]).to eq(I18n.t("online_clinic.sessions.request_notification"))
      expect(notifications.first.data).not_to include("Noa")
    end

    it "fits a message that JSON escaping makes longer in the notification's 1000 characters" do
      sign_in(client)
      post "/online-clinic/clinics/#{clinic.id}/session-requests.json",
           params: {
             message: "<" * 500,
           }
      expect(response.status).to eq(200)
      notification = Notification.find_by(user_id: therapist.id)
      expect(notification.data.length).to be <= 1000
      expect(JSON.parse(notification.data)["request_message"]).to start_with("<<<")
    end

    it "refuses the therapist" do
      sign_in(therapist)
      post "/online-clinic/clinics/#{clinic.id}/session-requests.json"
      expect(response.status).to eq(403)
    end
  end

  describe "the boundary text" do
    it "is set by the therapist and refused past 500 characters" do
      sign_in(therapist)
      put "/online-clinic/clinics/#{clinic.id}/boundary.json",
          params: {
            text: " I answer on weekdays. ",
          }
      expect(response.parsed_body).to eq("boundary_text" => "I answer on weekdays.")
      put "/online-clinic/clinics/#{clinic.id}/boundary.json", params: { text: "x" * 501 }
      expect(response.status).to eq(422)
      expect(response.parsed_body["error_type"]).to eq("boundary_too_long")
      expect(clinic.reload.boundary_text).to eq("I answer on weekdays.")
    end

    it "cannot be set by a client" do
      sign_in(client)
      put "/online-clinic/clinics/#{clinic.id}/boundary.json", params: { text: "hi" }
      expect(response.status).to eq(403)
    end
  end
end
