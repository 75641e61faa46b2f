# frozen_string_literal: true

RSpec.describe OnlineClinic::TimelinePage do
  def row(source, at_ms, id)
    { at_ms: at_ms, id: id, entry: "#{source}-#{id}" }
  end

  let(:rows) do
    {
      "audit" => [row("audit", 1000, 1), row("audit", 3000, 2)],
      "post" => [row("post", 1000, 7), row("post", 2000, 8), row("post", 3000, 9)],
      "session" => [row("session", 3000, 4)],
    }
  end

  describe ".merge" do
    it "orders entries by time, then by source, then by id" do
      page = described_class.merge(rows, limit: 10)
      expect(page.entries).to eq(%w[audit-1 post-7 post-8 audit-2 session-4 post-9])
      expect(page.next_cursor).to be_nil
    end

    it "pages with a cursor that resumes exactly after the last entry" do
      first = described_class.merge(rows, limit: 4)
      expect(first.entries).to eq(%w[audit-1 post-7 post-8 audit-2])

      start = described_class.decode_cursor(first.next_cursor)
      second = described_class.merge(rows, limit: 4, start: start)
      expect(second.entries).to eq(%w[session-4 post-9])
      expect(second.next_cursor).to be_nil
    end

    it "gives no cursor when the page is exactly full" do
      expect(described_class.merge(rows, limit: 6).next_cursor).to be_nil
    end
  end

  describe ".source_condition" do
    let(:start) { described_class::Cursor.new(at_ms: 3000, source: "session", id: 4) }

    it "tells each source where to resume" do
      expect(described_class.source_condition(nil, "post")).to eq(op: :all)
      expect(described_class.source_condition(start, "audit")).to eq(op: :after, at_ms: 3000)
      expect(described_class.source_condition(start, "session")).to eq(
        op: :after_id,
        at_ms: 3000,
        id: 4,
      )
      expect(described_class.source_condition(start, "post")).to eq(op: :at_or_after, at_ms: 3000)
    end

    it "starts a jump to a date at the first entry of that instant, whatever its source" do
      from = described_class.start(cursor: nil, from_ms: 3000)
      expect(described_class.merge(rows, limit: 10, start: from).entries).to eq(
        %w[audit-2 session-4 post-9],
      )
    end
  end

  describe "parameters" do
    it "refuses a cursor it did not write" do
      [
        "garbage",
        Base64.urlsafe_encode64("[2,1,\"post\",1]"),
        Base64.urlsafe_encode64(JSON.generate([1, 5, "nowhere", 1]), padding: false),
        Base64.urlsafe_encode64(JSON.generate({ "at" => 5 }), padding: false),
        "x" * 300,
      ].each do |bad|
        expect { described_class.decode_cursor(bad) }.to raise_error(
          described_class::InvalidParameter,
        ) { |error| expect(error.reason).to eq(:invalid_cursor) }
      end
      expect(described_class.decode_cursor(nil)).to be_nil
    end

    it "reads kinds, limits and dates" do
      expect(described_class.parse_kinds(nil)).to eq(described_class::KINDS)
      expect(described_class.parse_kinds("post, session")).to eq(%w[post session])
      expect { described_class.parse_kinds("post,secrets") }.to raise_error(
        described_class::InvalidParameter,
      )
      expect(described_class.parse_limit(nil)).to eq(100)
      expect(described_class.parse_limit("500")).to eq(200)
      expect { described_class.parse_limit("0") }.to raise_error(described_class::InvalidParameter)
      expect(described_class.parse_from("2026-12-04")).to eq(Time.utc(2026, 12, 4).to_i * 1000)
      expect(described_class.parse_from("2026-12-04T20:00:00.000Z")).to eq(
        Time.utc(2026, 12, 4, 20).to_i * 1000,
      )
      expect { described_class.parse_from("yesterday") }.to raise_error(
        described_class::InvalidParameter,
      )
    end

    it "names each kind's source" do
      expect(described_class.source_of("membership")).to eq("audit")
      expect(described_class.source_of("video_call")).to eq("video_call")
    end
  end
end
