# frozen_string_literal: true

RSpec.describe OnlineClinic::SessionState do
  minute = 60_000
  t0 = 1_796_392_800_000

  let(:scheduled) { described_class.scheduled(planned_minutes: 50) }
  let(:running) { scheduled.start(now: t0) }

  def refusal(&block)
    block.call
    nil
  rescue described_class::TransitionError => e
    e.reason
  end

  describe ".scheduled" do
    it "defaults to the site's 50 minutes" do
      expect(described_class.scheduled.planned_minutes).to eq(50)
    end

    it "accepts 10 and 180 minutes and refuses 9, 181 and fractions" do
      expect(described_class.scheduled(planned_minutes: 10).planned_minutes).to eq(10)
      expect(described_class.scheduled(planned_minutes: 180).planned_minutes).to eq(180)
      [9, 181, 50.5, "50", nil].each do |minutes|
        expect(refusal { described_class.scheduled(planned_minutes: minutes) }).to eq(
          :invalid_length,
        )
      end
    end
  end

  describe "#start" do
    it "starts the clock at the given instant" do
      expect(running.state).to eq(:running)
      expect(running.remaining_seconds(t0 + (10 * minute))).to eq(40 * 60)
    end

    it "accepts a Time as well as milliseconds" do
      started = scheduled.start(now: Time.at(t0 / 1000, 250, :millisecond))
      expect(started.started_at_ms).to eq(t0 + 250)
    end

    it "refuses a second start, as from a second tab or a double click" do
      expect(refusal { running.start(now: t0 + 1) }).to eq(:already_running)
      expect(refusal { running.pause(now: t0 + minute).start(now: t0 + (2 * minute)) }).to eq(
        :already_running,
      )
    end

    it "refuses to start an ended session" do
      ended = running.end_session(now: t0 + minute)
      expect(refusal { ended.start(now: t0 + (2 * minute)) }).to eq(:already_ended)
    end

    it "leaves the original state untouched" do
      running
      expect(scheduled.state).to eq(:scheduled)
      expect(scheduled).to be_frozen
    end
  end

  describe "#pause and #resume" do
    it "keeps a paused session's remaining time where it was" do
      paused = running.pause(now: t0 + (10 * minute))
      expect(paused.remaining_seconds(t0 + (11 * minute))).to eq(40 * 60)
      expect(paused.remaining_seconds(t0 + (300 * minute))).to eq(40 * 60)
    end

    it "counts on from where it stopped after a resume" do
      resumed = running.pause(now: t0 + (10 * minute)).resume(now: t0 + (25 * minute))
      expect(resumed.remaining_seconds(t0 + (30 * minute))).to eq(35 * 60)
      expect(resumed.pause_count).to eq(1)
    end

    it "refuses to pause a session that is not running" do
      expect(refusal { scheduled.pause(now: t0) }).to eq(:not_running)
      expect(refusal { running.pause(now: t0 + 1).pause(now: t0 + 2) }).to eq(:not_running)
    end

    it "refuses to resume a session that is not paused" do
      expect(refusal { running.resume(now: t0 + 1) }).to eq(:not_paused)
      expect(refusal { scheduled.resume(now: t0) }).to eq(:not_paused)
    end

    it "refuses a pause or resume stamped before the previous event" do
      paused = running.pause(now: t0 + minute)
      expect(refusal { running.pause(now: t0 - 1) }).to eq(:time_went_backwards)
      expect(refusal { paused.resume(now: t0 + minute - 1) }).to eq(:time_went_backwards)
    end
  end

  describe "#extend_by" do
    it "adds 5 or 10 minutes" do
      extended = running.extend_by(minutes: 5).extend_by(minutes: 10)
      expect(extended.remaining_seconds(t0)).to eq(65 * 60)
    end

    it "refuses other amounts" do
      [0, 1, 15, -5].each do |minutes|
        expect(refusal { running.extend_by(minutes: minutes) }).to eq(:invalid_extension)
      end
    end

    it "brings an overtime session back into time" do
      extended = running.extend_by(minutes: 10)
      expect(running.notice(t0 + (52 * minute))).to eq(:ended)
      expect(extended.notice(t0 + (52 * minute))).to be_nil
      expect(extended.remaining_seconds(t0 + (52 * minute))).to eq(8 * 60)
    end

    it "refuses extending past 180 minutes in total, and allows reaching it" do
      long = described_class.scheduled(planned_minutes: 170).start(now: t0)
      expect(long.extend_by(minutes: 10).length_ms).to eq(180 * minute)
      expect(refusal { long.extend_by(minutes: 5).extend_by(minutes: 10) }).to eq(
        :extension_past_maximum,
      )
    end

    it "refuses to extend a session that has not started or has ended" do
      expect(refusal { scheduled.extend_by(minutes: 5) }).to eq(:not_started)
      ended = running.end_session(now: t0 + minute)
      expect(refusal { ended.extend_by(minutes: 5) }).to eq(:already_ended)
    end
  end

  describe "#end_session" do
    it "stops the clock and records who ended it" do
      ended = running.end_session(now: t0 + (48 * minute))
      expect(ended.ended_reason).to eq(:ended_by_therapist)
      expect(ended.elapsed_seconds(t0 + (500 * minute))).to eq(48 * 60)
      expect(ended.notice(t0 + (500 * minute))).to eq(:ended)
    end

    it "closes an open pause at the end" do
      ended = running.pause(now: t0 + (10 * minute)).end_session(now: t0 + (20 * minute))
      expect(ended.pauses).to eq([[t0 + (10 * minute), t0 + (20 * minute)]])
      expect(ended.elapsed_seconds(t0 + (30 * minute))).to eq(10 * 60)
    end

    it "refuses an end before the start" do
      expect(refusal { running.end_session(now: t0 - 1) }).to eq(:end_before_start)
    end

    it "refuses to end a session twice or one that never started" do
      ended = running.end_session(now: t0 + minute)
      expect(refusal { ended.end_session(now: t0 + (2 * minute)) }).to eq(:already_ended)
      expect(refusal { scheduled.end_session(now: t0) }).to eq(:not_started)
    end
  end

  describe "#auto_end" do
    grace = 20

    it "is not due while the grace period after the planned end runs" do
      expect(running.auto_end_due?(now: t0 + (70 * minute) - 1, grace_minutes: grace)).to be(false)
      expect(refusal { running.auto_end(now: t0 + (69 * minute), grace_minutes: grace) }).to eq(
        :not_due,
      )
    end

    it "ends an unattended session at the end of the grace period, however late the job runs" do
      ended = running.auto_end(now: t0 + (300 * minute), grace_minutes: grace)
      expect(ended.ended_reason).to eq(:auto_ended_unattended)
      expect(ended.ended_at_ms).to eq(t0 + (70 * minute))
    end

    it "also ends a session paused and forgotten, once its time would have run out" do
      paused = running.pause(now: t0 + (10 * minute))
      expect(paused.auto_end_due?(now: t0 + (69 * minute), grace_minutes: grace)).to be(false)
      ended = paused.auto_end(now: t0 + (71 * minute), grace_minutes: grace)
      expect(ended.ended_at_ms).to eq(t0 + (70 * minute))
      expect(ended.pauses).to eq([[t0 + (10 * minute), t0 + (70 * minute)]])
    end

    it "never ends a session before an event it has already recorded" do
      late_pause = running.pause(now: t0 + (100 * minute))
      ended = late_pause.auto_end(now: t0 + (101 * minute), grace_minutes: grace)
      expect(ended.ended_at_ms).to eq(t0 + (100 * minute))
    end

    it "is never due for a scheduled or ended session" do
      expect(scheduled.auto_end_due?(now: t0 + (999 * minute), grace_minutes: grace)).to be(false)
      ended = running.end_session(now: t0 + minute)
      expect(refusal { ended.auto_end(now: t0 + (999 * minute), grace_minutes: grace) }).to eq(
        :already_ended,
      )
    end
  end

  describe "#ends_at_ms" do
    it "moves later by the length of each pause" do
      expect(running.ends_at_ms(t0 + minute)).to eq(t0 + (50 * minute))
      resumed = running.pause(now: t0 + minute).resume(now: t0 + (4 * minute))
      expect(resumed.ends_at_ms(t0 + (5 * minute))).to eq(t0 + (53 * minute))
    end

    it "is unknown while paused" do
      expect(running.pause(now: t0 + minute).ends_at_ms(t0 + (2 * minute))).to be_nil
    end
  end

  describe ".from_h" do
    it "rebuilds the same state from what the glue stored, with string keys" do
      state = running.pause(now: t0 + minute).resume(now: t0 + (2 * minute)).extend_by(minutes: 5)
      stored = state.to_h.transform_keys(&:to_s).merge("state" => "running")
      expect(described_class.from_h(stored)).to eq(state)
    end
  end
end
