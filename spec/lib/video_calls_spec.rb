# frozen_string_literal: true

RSpec.describe OnlineClinic::VideoCalls do
  def event(id, user_id, kind, at_ms, session_id = nil)
    { id: id, user_id: user_id, event: kind, at_ms: at_ms, session_id: session_id }
  end

  it "runs a call from the first join until nobody is left" do
    calls =
      described_class.fold(
        [
          event(1, 10, "joined", 0, 5),
          event(2, 20, "joined", 60_000),
          event(3, 10, "left", 120_000),
          event(4, 20, "left", 1_800_000),
        ],
      )
    expect(calls.size).to eq(1)
    call = calls.first
    expect(call.id).to eq(1)
    expect(call.participant_ids).to eq([10, 20])
    expect(call.ended_at_ms).to eq(1_800_000)
    expect(call.duration_seconds).to eq(1800)
    expect(call.session_id).to eq(5)
  end

  it "starts a new call after everyone left" do
    calls =
      described_class.fold(
        [event(1, 10, "joined", 0), event(2, 10, "left", 1000), event(3, 20, "joined", 5000)],
      )
    expect(calls.map(&:id)).to eq([1, 3])
    expect(calls.last.ended_at_ms).to be_nil
    expect(calls.last.duration_seconds).to be_nil
  end

  it "treats a repeated join as one presence and ignores a leave without a join" do
    calls =
      described_class.fold(
        [
          event(1, 30, "left", 0),
          event(2, 10, "joined", 1000),
          event(3, 10, "joined", 2000),
          event(4, 10, "left", 3000),
        ],
      )
    expect(calls.size).to eq(1)
    expect(calls.first.participant_ids).to eq([10])
    expect(calls.first.ended_at_ms).to eq(3000)
  end

  it "refuses an unknown event" do
    expect { described_class.fold([event(1, 10, "muted", 0)]) }.to raise_error(ArgumentError)
  end
end
