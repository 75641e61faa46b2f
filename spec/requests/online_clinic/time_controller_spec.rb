# frozen_string_literal: true

RSpec.describe OnlineClinic::TimeController do
  fab!(:user)

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
  end

  it "answers the server's clock in integer milliseconds" do
    sign_in(user)
    freeze_time Time.utc(2026, 12, 4, 20)
    get "/online-clinic/time.json"
    expect(response.status).to eq(200)
    expect(response.parsed_body).to eq("server_now_ms" => 1_796_414_400_000)
  end

  it "asks anonymous visitors to log in" do
    get "/online-clinic/time.json"
    expect(response.status).to eq(403)
  end
end
