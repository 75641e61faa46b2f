# frozen_string_literal: true

RSpec.describe OnlineClinic::Video::JoinConfig do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  subject(:result) { described_class.call(params: { clinic_id: clinic.id }, guardian:) }

  let(:guardian) { client.guardian }

  before do
    enable_current_plugin
    SiteSetting.online_clinic_enabled = true
    SiteSetting.online_clinic_jitsi_provider = "self_hosted"
    SiteSetting.online_clinic_jitsi_domain = "meet.example.org"
    SiteSetting.online_clinic_jitsi_app_id = "clinic-forum"
    SiteSetting.online_clinic_jitsi_app_secret = "prosody-secret"
  end

  it "stores the clinic's room name on the first call and reuses it" do
    expect(result).to run_successfully
    room = clinic.reload.video_room
    expect(OnlineClinic::JitsiRoom.valid_name?(room)).to eq(true)
    expect(result[:video_config][:room]).to eq(room)

    again = described_class.call(params: { clinic_id: clinic.id }, guardian: therapist.guardian)
    expect(again[:video_config][:room]).to eq(room)
    expect(clinic.reload.video_room).to eq(room)
  end

  it "gives the browser no ok flag, only the contract's fields" do
    expect(result[:video_config].keys).to contain_exactly(
      :provider,
      :domain,
      :script_url,
      :room,
      :jwt,
      :expires_at,
      :server_now_ms,
    )
  end

  it "puts an absolute avatar URL with a scheme in the token" do
    claims =
      JWT.decode(result[:video_config][:jwt], "prosody-secret", true, algorithm: "HS256").first
    expect(claims.dig("context", "user", "avatar")).to match(%r{\Ahttps?://})
  end

  context "when the member is not in the clinic" do
    let(:guardian) { Fabricate(:user).guardian }

    it "fails the policy as not found and makes no room" do
      expect(result).to fail_a_policy(:can_act)
      expect(result[:denial]).to eq(:not_found)
      expect(clinic.reload.video_room).to be_nil
    end
  end

  context "when the clinic is archived" do
    before { clinic.update!(status: "archived") }

    it "fails the policy as archived" do
      expect(result).to fail_a_policy(:can_act)
      expect(result[:denial]).to eq(:archived)
    end
  end

  context "when video is not configured" do
    before { SiteSetting.online_clinic_jitsi_provider = "" }

    it "fails with the settings to set and makes no room" do
      expect(result).to fail_a_policy(:video_configured)
      expect(result[:settings_check][:missing_settings]).to eq(%w[online_clinic_jitsi_provider])
      expect(clinic.reload.video_room).to be_nil
    end
  end
end
