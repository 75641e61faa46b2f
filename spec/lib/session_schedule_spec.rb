# frozen_string_literal: true

RSpec.describe OnlineClinic::SessionSchedule do
  hour = 3600
  day = 24 * hour
  now = Time.utc(2026, 10, 1, 9, 0)

  def refusal(&block)
    block.call
    nil
  rescue described_class::InvalidSchedule => e
    e.reason
  end

  def weekly(local_start = "2026-10-13T18:00", **options)
    described_class.new(
      local_start: local_start,
      time_zone: "Asia/Jerusalem",
      length_minutes: 50,
      recurrence: :weekly,
      **options,
    )
  end

  describe "a weekly session across a daylight-saving change" do
    it "stays at 18:00 in Jerusalem while its UTC instant moves by an hour" do
      starts =
        weekly.occurrences(from: now, to: Time.utc(2026, 11, 5)).map { |o| o.starts_at.iso8601 }
      expect(starts).to eq(
        %w[2026-10-13T15:00:00Z 2026-10-20T15:00:00Z 2026-10-27T16:00:00Z 2026-11-03T16:00:00Z],
      )
      local =
        weekly
          .occurrences(from: now, to: Time.utc(2026, 11, 5))
          .map { |o| described_class.local_time(o.starts_at, "Asia/Jerusalem").strftime("%H:%M") }
      expect(local.uniq).to eq(["18:00"])
    end

    it "shows a client in New York their own local time, which changes on other dates" do
      local =
        weekly
          .occurrences(from: now, to: Time.utc(2026, 11, 5))
          .map do |o|
            described_class.local_time(o.starts_at, "America/New_York").strftime("%m-%d %H:%M")
          end
      # Jerusalem goes back on 25 October, New York on 1 November.
      expect(local).to eq(["10-13 11:00", "10-20 11:00", "10-27 12:00", "11-03 11:00"])
    end

    it "lasts the planned length" do
      occurrence = weekly.occurrences(from: now, to: Time.utc(2026, 10, 14)).first
      expect(occurrence.ends_at - occurrence.starts_at).to eq(50 * 60)
    end

    it "stops after the given count" do
      starts = weekly(count: 2).occurrences(from: now, to: Time.utc(2027, 1, 1))
      expect(starts.length).to eq(2)
      expect(weekly(count: 2).next_occurrence(after: Time.utc(2026, 10, 21))).to be_nil
    end

    it "finds the next session after a given instant" do
      expect(weekly.next_occurrence(after: Time.utc(2026, 10, 21)).starts_at.iso8601).to eq(
        "2026-10-27T16:00:00Z",
      )
    end
  end

  describe "a one-off session" do
    it "occurs once, at the therapist's local time" do
      one_off =
        described_class.new(
          local_start: "2026-12-04T09:30",
          time_zone: "Europe/London",
          length_minutes: 90,
        )
      occurrences = one_off.occurrences(from: now, to: Time.utc(2027, 1, 1))
      expect(occurrences.map { |o| [o.starts_at, o.ends_at] }).to eq(
        [[Time.utc(2026, 12, 4, 9, 30), Time.utc(2026, 12, 4, 11, 0)]],
      )
    end
  end

  describe "validation" do
    it "refuses an unknown time zone, a bad length and a malformed time" do
      expect(
        refusal do
          described_class.new(
            local_start: "2026-10-13T18:00",
            time_zone: "Mars/Base",
            length_minutes: 50,
          )
        end,
      ).to eq(:invalid_time_zone)
      expect(
        refusal do
          described_class.new(
            local_start: "2026-10-13T18:00",
            time_zone: "Asia/Jerusalem",
            length_minutes: 181,
          )
        end,
      ).to eq(:invalid_length)
      %w[2026-10-13 2026-02-30T18:00 2026-10-13T24:00 tomorrow].each do |bad|
        expect(refusal { weekly(bad) }).to eq(:invalid_local_time)
      end
    end

    it "refuses a local time that the change to summer time skips" do
      # Israel moves from 02:00 to 03:00 on Friday 27 March 2026.
      expect(refusal { weekly("2026-03-27T02:30") }).to eq(:nonexistent_local_time)
    end

    it "takes the first of the two 01:30s when the clocks go back" do
      schedule = weekly("2026-10-25T01:30")
      expect(schedule.first_starts_at.iso8601).to eq("2026-10-24T22:30:00Z")
    end

    it "refuses a session in the past" do
      expect(refusal { weekly.validate!(now: Time.utc(2026, 10, 13, 15, 1)) }).to eq(:in_the_past)
      expect(weekly.validate!(now: now)).to be_a(described_class)
    end

    it "refuses a series that meets another session weeks later, after the DST change" do
      other_start = Time.utc(2026, 11, 3, 16, 30) # 18:30 local on 3 November
      other = described_class::Occurrence.new(starts_at: other_start, ends_at: other_start + hour)
      expect(refusal { weekly.validate!(now: now, existing: [other]) }).to eq(:overlaps)
    end

    it "accepts back-to-back sessions" do
      after = Time.utc(2026, 10, 13, 15, 50)
      other = described_class::Occurrence.new(starts_at: after, ends_at: after + hour)
      expect(weekly(count: 1).validate!(now: now, existing: [other])).to be_a(described_class)
    end
  end

  describe ".reminder_instants" do
    let(:occurrence) { weekly.occurrences(from: now, to: Time.utc(2026, 10, 14)).first }

    it "reminds 24 hours and 15 minutes before by default" do
      expect(described_class.reminder_instants(occurrence, now: now)).to eq(
        [occurrence.starts_at - day, occurrence.starts_at - (15 * 60)],
      )
    end

    it "leaves out reminders already past and takes a configured list" do
      late = occurrence.starts_at - hour
      expect(described_class.reminder_instants(occurrence, now: late)).to eq(
        [occurrence.starts_at - (15 * 60)],
      )
      expect(described_class.reminder_instants(occurrence, now: now, minutes_before: [60])).to eq(
        [occurrence.starts_at - hour],
      )
    end
  end
end
