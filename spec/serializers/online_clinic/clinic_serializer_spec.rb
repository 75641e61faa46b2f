# frozen_string_literal: true

# The QUnit fakes answer with test/fixtures/online-clinic/*.json; the real serializers must
# produce the same keys, or the UI is tested against a shape the server never sends.
RSpec.describe OnlineClinic::ClinicSerializer do
  fab!(:therapist, :user)
  fab!(:client, :user)
  fab!(:clinic) { Fabricate(:online_clinic, therapist:, clients: [client]) }

  let(:fixtures) { File.expand_path("../../../test/fixtures/online-clinic", __dir__) }

  def fixture(name)
    JSON.parse(File.read(File.join(fixtures, name)))
  end

  def serialize(serializer_class, object)
    JSON.parse(serializer_class.new(object, scope: Guardian.new(therapist), root: false).to_json)
  end

  before { enable_current_plugin }

  it "sends the keys of clinic-therapist.json" do
    json = serialize(described_class, clinic)
    expected = fixture("clinic-therapist.json")["clinic"]
    expect(json.keys).to match_array(expected.keys)
    expect(json["permissions"].keys).to match_array(expected["permissions"].keys)
    expect(json["members"].first.keys).to match_array(expected["members"].first.keys)
  end

  it "sends the therapist's permissions from the policy" do
    json = serialize(described_class, clinic)
    expect(json["permissions"]["can_archive"]).to eq(true)
  end

  describe OnlineClinic::ClinicSummarySerializer do
    it "sends the keys of a clinics.json row" do
      json = serialize(described_class, clinic)
      expected = fixture("clinics.json")["clinics"].first
      expect(json.keys).to match_array(expected.keys)
      expect(json["clients"].first.keys).to match_array(expected["clients"].first.keys)
    end
  end

  describe OnlineClinic::AuditEntrySerializer do
    it "sends the keys of an audit-log.json entry" do
      entry =
        OnlineClinic::AuditEntry.append!(clinic, action: :clinic_opened, actor_id: therapist.id)
      json = serialize(described_class, entry)
      expected = fixture("audit-log.json")["entries"].first
      expect(json.keys).to match_array(expected.keys)
      expect(json["actor"].keys).to match_array(expected["actor"].keys)
    end
  end
end
