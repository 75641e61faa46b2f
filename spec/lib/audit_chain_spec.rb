# frozen_string_literal: true

RSpec.describe OnlineClinic::AuditChain do
  build_log =
    lambda do |count|
      (1..count).each_with_object([]) do |n, entries|
        entries << described_class.build_entry(
          entries.last,
          action: n == 1 ? "clinic_opened" : "client_added",
          actor_id: n,
          details: {
            "n" => n,
            "name" => "קליניקה #{n}",
          },
          created_at: format("2026-12-04T20:00:%02d.000Z", n),
        )
      end
    end

  describe ".canonical_json" do
    it "sorts keys at every depth and writes no white space" do
      expect(
        described_class.canonical_json({ "b" => [{ "d" => 1, "c" => nil }], "a" => true }),
      ).to eq('{"a":true,"b":[{"c":null,"d":1}]}')
    end

    it "writes symbol keys as strings" do
      expect(described_class.canonical_json({ b: 1, a: 2 })).to eq('{"a":2,"b":1}')
    end

    it "writes non-ASCII text as UTF-8, not as escapes" do
      expect(described_class.canonical_json("שלום 🌿")).to eq('"שלום 🌿"')
    end

    it "escapes control characters as JSON.stringify does" do
      expect(described_class.canonical_json("\"\\\n\u001f\u2028/")).to eq(
        "\"\\\"\\\\\\n\\u001f\u2028/\"",
      )
    end

    it "sorts keys by UTF-16 code units, as JavaScript does" do
      expect(described_class.canonical_json({ "\uff01" => 1, "😀" => 2 })).to eq('{"😀":2,"！":1}')
    end

    it "refuses floats, which the two languages write differently" do
      expect { described_class.canonical_json({ "x" => 1.0 }) }.to raise_error(ArgumentError)
    end

    it "refuses integers JavaScript cannot hold exactly" do
      expect { described_class.canonical_json(2**53) }.to raise_error(ArgumentError)
      expect(described_class.canonical_json((2**53) - 1)).to eq("9007199254740991")
    end

    it "refuses other types" do
      [:symbol, Object.new, 1r, { 1 => "integer key" }].each do |value|
        expect { described_class.canonical_json(value) }.to raise_error(ArgumentError)
      end
    end

    it "refuses a key given both as a symbol and as a string" do
      expect { described_class.canonical_json({ :a => 1, "a" => 2 }) }.to raise_error(
        ArgumentError,
        /duplicate key/,
      )
    end

    it "refuses strings that are not valid UTF-8" do
      expect { described_class.canonical_json("\xff".b) }.to raise_error(ArgumentError)
      expect { described_class.canonical_json("\xff".dup.force_encoding("UTF-8")) }.to raise_error(
        ArgumentError,
      )
    end
  end

  describe ".entry_hash" do
    it "is the hex SHA-256 of the previous hash, a newline and the canonical payload" do
      payload = {
        "seq" => 1,
        "action" => "clinic_opened",
        "actor_id" => 7,
        "details" => {
        },
        "created_at" => "2026-12-04T20:00:00.000Z",
      }
      expected =
        Digest::SHA256.hexdigest(
          "#{"0" * 64}\n" \
            '{"action":"clinic_opened","actor_id":7,"created_at":"2026-12-04T20:00:00.000Z","details":{},"seq":1}',
        )
      expect(
        described_class.entry_hash(prev_hash: described_class::GENESIS, payload: payload),
      ).to eq(expected)
    end
  end

  describe ".format_time" do
    it "writes UTC with milliseconds" do
      time = Time.new(2026, 12, 4, 22, 0, 0.25r, "+02:00")
      expect(described_class.format_time(time)).to eq("2026-12-04T20:00:00.250Z")
    end
  end

  describe ".build_entry" do
    it "starts at seq 1 from the genesis hash" do
      first = build_log.call(1).first
      expect(first).to include(seq: 1, prev_hash: "0" * 64, action: "clinic_opened")
      expect(first[:entry_hash]).to match(/\A\h{64}\z/)
    end

    it "links each entry to the one before" do
      first, second = build_log.call(2)
      expect(second).to include(seq: 2, prev_hash: first[:entry_hash])
    end

    it "continues from a stored entry with string keys" do
      stored = build_log.call(1).first.to_h { |key, value| [key.to_s, value] }
      entry =
        described_class.build_entry(
          stored,
          action: :client_removed,
          actor_id: nil,
          details: {
          },
          created_at: "2026-12-04T21:00:00.000Z",
        )
      expect(entry).to include(seq: 2, prev_hash: stored["entry_hash"], action: "client_removed")
    end

    it "refuses a created_at in any other form" do
      ["2026-12-04T20:00:00Z", "2026-12-04T20:00:00.000+00:00", Time.now].each do |created_at|
        expect {
          described_class.build_entry(
            nil,
            action: "clinic_opened",
            actor_id: 1,
            details: {
            },
            created_at: created_at,
          )
        }.to raise_error(ArgumentError, /created_at/)
      end
    end
  end

  describe ".verify" do
    it "accepts an empty log" do
      expect(described_class.verify([]).to_a).to eq([true, nil])
    end

    it "accepts an untouched log, with symbol or string keys" do
      log = build_log.call(4)
      expect(described_class.verify(log).to_a).to eq([true, nil])
      expect(described_class.verify(log.map { |entry| entry.transform_keys(&:to_s) }).to_a).to eq(
        [true, nil],
      )
    end

    tampered_values = {
      seq: 99,
      action: "clinic_archived",
      actor_id: 42,
      details: {
        "n" => 0,
      },
      created_at: "2026-01-01T00:00:00.000Z",
      prev_hash: "a" * 64,
      entry_hash: "b" * 64,
    }

    tampered_values.each do |field, value|
      it "names the first broken entry when #{field} is changed in any entry" do
        log = build_log.call(4)
        log.each_index do |index|
          tampered = log.map(&:dup)
          tampered[index][field] = value
          expected_seq = field == :seq ? 99 : index + 1
          expect(described_class.verify(tampered).to_a).to eq([false, expected_seq]),
          "changing #{field} of entry #{index + 1}"
        end
      end
    end

    it "names the first broken entry when a field is removed" do
      log = build_log.call(3)
      tampered = log.map(&:dup)
      tampered[1].delete(:details)
      expect(described_class.verify(tampered).to_a).to eq([false, 2])
    end

    it "names the entry that comes too early when two are swapped" do
      first, second, third, fourth = build_log.call(4)
      expect(described_class.verify([first, third, second, fourth]).to_a).to eq([false, 3])
    end

    it "names the entry after a gap when a middle entry is deleted" do
      first, second, _third, fourth = build_log.call(4)
      expect(described_class.verify([first, second, fourth]).to_a).to eq([false, 4])
    end

    it "catches an inserted entry even when its own hash is right" do
      first, second, third = build_log.call(3)
      forged =
        described_class.build_entry(
          second,
          action: "client_removed",
          actor_id: 1,
          details: {
          },
          created_at: "2026-12-04T20:00:02.500Z",
        )
      expect(described_class.verify([first, second, forged, third]).to_a).to eq([false, 3])
    end

    it "catches a rewritten entry whose hash was recomputed, at the next entry" do
      first, _second, third = build_log.call(3)
      rewritten =
        described_class.build_entry(
          first,
          action: "client_added",
          actor_id: 9,
          details: {
            "n" => 2,
          },
          created_at: "2026-12-04T20:00:02.000Z",
        )
      expect(described_class.verify([first, rewritten, third]).to_a).to eq([false, 3])
    end

    it "reports a broken entry that holds a value canonical_json refuses" do
      log = build_log.call(2)
      log[1] = log[1].merge(details: { "x" => 1.5 })
      expect(described_class.verify(log).to_a).to eq([false, 2])
    end

    it "uses the expected seq when the entry carries none" do
      log = build_log.call(2)
      log[1] = log[1].merge(seq: nil)
      expect(described_class.verify(log).to_a).to eq([false, 2])
    end
  end
end
