# frozen_string_literal: true

RSpec.describe OnlineClinic::SessionSummary do
  minute = 60_000
  t0 = 1_796_392_800_000

  let(:ended) do
    OnlineClinic::SessionState
      .scheduled(planned_minutes: 50)
      .start(now: t0)
      .pause(now: t0 + (10 * minute))
      .resume(now: t0 + (13 * minute))
      .pause(now: t0 + (20 * minute))
      .resume(now: t0 + (21 * minute))
      .end_session(now: t0 + (52 * minute) + 400)
  end

  describe ".count_words" do
    it "counts English and Hebrew words alike" do
      expect(described_class.count_words("I felt better this week.")).to eq(5)
      expect(described_class.count_words("הרגשתי טוב יותר השבוע.")).to eq(4)
    end

    it "keeps a pointed Hebrew word, an abbreviation with gershayim and a contraction whole" do
      expect(described_class.count_words("שָׁלוֹם")).to eq(1)
      expect(described_class.count_words("שירתתי בצה\"ל וגם בצה״ל")).to eq(4)
      expect(described_class.count_words("I don't know, it's a well-being thing")).to eq(7)
    end

    it "counts each emoji as one word, with its skin tone and joiners" do
      expect(described_class.count_words("❤️")).to eq(1)
      expect(described_class.count_words("thanks 🙏🏽 👨‍👩‍👧")).to eq(3)
      expect(described_class.count_words("🇮🇱")).to eq(1)
    end

    it "counts nothing in punctuation, spaces or an empty post" do
      expect(described_class.count_words(" ... — !! ")).to eq(0)
      expect(described_class.count_words(nil)).to eq(0)
    end
  end

  describe ".build" do
    it "records the actual duration without the pauses, and the pauses" do
      summary = described_class.build(state: ended, mode: :video)
      expect(summary).to include(
        mode: :video,
        actual_seconds: 48 * 60,
        wall_clock_seconds: 52 * 60,
        planned_seconds: 50 * 60,
        pause_count: 2,
        paused_seconds: 4 * 60,
        ended_reason: :ended_by_therapist,
      )
      expect(summary).not_to have_key(:participants)
    end

    it "counts posts and words per participant of a written session" do
      posts = [
        { user_id: 7, text: "שלום, איך עבר השבוע?" },
        { user_id: 3, text: "Hard. I kept thinking about it 😔" },
        { user_id: 7, words: 12 },
      ]
      summary = described_class.build(state: ended, mode: :written, posts: posts)
      expect(summary[:participants]).to eq(
        [{ user_id: 3, posts: 1, words: 7 }, { user_id: 7, posts: 2, words: 16 }],
      )
    end

    it "lists nobody when nothing was written" do
      expect(described_class.build(state: ended, mode: :written)[:participants]).to eq([])
    end

    it "refuses a session that is still running and an unknown mode" do
      running = OnlineClinic::SessionState.scheduled.start(now: t0)
      expect { described_class.build(state: running, mode: :written) }.to raise_error(ArgumentError)
      expect { described_class.build(state: ended, mode: :telepathy) }.to raise_error(ArgumentError)
    end
  end
end
