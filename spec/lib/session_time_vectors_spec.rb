# frozen_string_literal: true

# The same vectors run in the browser's QUnit test of session-clock.ts: the server's state machine
# and the browser's clock must read every case alike, to the second.
RSpec.describe OnlineClinic::SessionState do
  vectors_path =
    File.expand_path("../../test/fixtures/online-clinic/session-time-vectors.json", __dir__)
  cases = JSON.parse(File.read(vectors_path, encoding: "UTF-8")).fetch("cases")

  it "has shared vectors to check" do
    expect(cases.length).to be >= 20
  end

  cases.each do |vector|
    context "when #{vector["name"]}" do
      state = described_class.from_h(vector["record"])
      now = vector["server_now_ms"]

      it "sends the browser exactly the vector's clock JSON" do
        expect(state.clock_json).to eq(vector["session"])
      end

      it "reads the same elapsed, remaining, overtime, notice and text" do
        reading = {
          "elapsed_seconds" => state.elapsed_seconds(now),
          "remaining_seconds" => state.remaining_seconds(now),
          "overtime" => state.overtime?(now),
          "notice" => (state.notice(now) || :none).to_s,
          "text" => state.clock_text(now),
        }
        expect(reading).to eq(vector.slice(*reading.keys))
      end
    end
  end
end
