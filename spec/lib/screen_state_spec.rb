# frozen_string_literal: true

RSpec.describe OnlineClinic::ScreenState do
  page_payload = { "item" => { "kind" => "page", "url" => "https://example.com/a" } }
  youtube_item = { "kind" => "youtube", "video_id" => "dQw4w9WgXcQ" }

  let(:therapist) { described_class::Actor.new(id: 1, therapist: true) }
  let(:client) { described_class::Actor.new(id: 2, therapist: false) }
  let(:partner) { described_class::Actor.new(id: 3, therapist: false) }
  let(:start) { 1_796_400_000_000 }
  let(:page) { page_payload }
  let(:youtube_payload) do
    {
      "item" => {
        "kind" => "youtube",
        "video_id" => "dQw4w9WgXcQ",
      },
      "video" => {
        "playing" => true,
        "position" => 42.5,
        "rate" => 1,
        "sampled_at_ms" => start - 80,
      },
    }
  end

  def led_by(actor, payload = page, now_ms: start)
    described_class.update(
      described_class.initial,
      actor: actor,
      payload: payload,
      now_ms: now_ms,
    ).state
  end

  describe ".update" do
    it "stamps the leader's picture with the server's time and the next sequence number" do
      outcome =
        described_class.update(described_class.initial, actor: client, payload: page, now_ms: start)

      expect(outcome).to be_ok
      expect(outcome.changed).to be(true)
      expect(outcome.state).to include(
        "seq" => 1,
        "server_time_ms" => start,
        "leader_id" => client.id,
        "lead_expires_at_ms" => start + described_class::LEAD_TIMEOUT_MS,
        "item" => {
          "kind" => "page",
          "url" => "https://example.com/a",
        },
        "reading" => {
          "position" => 0.0,
          "page" => nil,
        },
        "video" => nil,
      )
    end

    it "numbers each accepted update one higher than the last" do
      first = led_by(client)
      second =
        described_class.update(first, actor: client, payload: page, now_ms: start + 1000).state
      expect(second["seq"]).to eq(first["seq"] + 1)
    end

    it "stores the address in its normalised form" do
      payload = { "item" => { "kind" => "page", "url" => "  HTTPS://Example.COM:443/x " } }
      expect(led_by(client, payload)["item"]["url"]).to eq("https://example.com/x")
    end

    it "refuses a javascript: address with the URL policy's reason and keeps the old state" do
      before = led_by(client)
      payload = { "item" => { "kind" => "page", "url" => "javascript:alert(1)" } }
      outcome = described_class.update(before, actor: client, payload: payload, now_ms: start + 1)

      expect(outcome.to_a.first(3)).to eq([before, :url_not_allowed, :scheme_not_allowed])
      expect(outcome.changed).to be(false)
    end

    it "refuses an update from someone who is not leading" do
      outcome =
        described_class.update(led_by(client), actor: partner, payload: page, now_ms: start + 1)
      expect(outcome.error).to eq(:not_leader)
    end

    it "keeps the video sample time the leader measured, so followers do not lag by the upload" do
      video = led_by(client, youtube_payload)["video"]
      expect(video).to eq(
        "playing" => true,
        "position" => 42.5,
        "rate" => 1.0,
        "at_ms" => start - 80,
      )
    end

    it "uses the server's time when the leader's sample time is in the future or too old" do
      future =
        youtube_payload.merge(
          "video" => youtube_payload["video"].merge("sampled_at_ms" => start + 500),
        )
      old =
        youtube_payload.merge(
          "video" => youtube_payload["video"].merge("sampled_at_ms" => start - 60_000),
        )
      expect(led_by(client, future)["video"]["at_ms"]).to eq(start)
      expect(led_by(client, old)["video"]["at_ms"]).to eq(start)
    end

    it "keeps only the known fields of a payload" do
      payload = page.merge("extra" => "x" * 10_000, "seq" => 99, "leader_id" => 7)
      state = led_by(client, payload)
      expect(state.keys).to match_array(described_class.initial.keys)
      expect(state["seq"]).to eq(1)
      expect(state["leader_id"]).to eq(client.id)
    end

    {
      "a payload that is not an object" => [[1, 2], "payload"],
      "a payload without an item" => [{ "reading" => {} }, "item"],
      "an unknown kind" => [
        { "item" => { "kind" => "iframe", "url" => "https://a.com/" } },
        "item.kind",
      ],
      "a YouTube id with a script in it" => [
        {
          "item" => {
            "kind" => "youtube",
            "video_id" => "<script>x</",
          },
          "video" => {
            "playing" => false,
            "position" => 0,
          },
        },
        "item.video_id",
      ],
      "a document id that is not a positive integer" => [
        { "item" => { "kind" => "document", "document_id" => "12" } },
        "item.document_id",
      ],
      "a reading position beyond the end" => [
        page_payload.merge("reading" => { "position" => 1.5 }),
        "reading.position",
      ],
      "a PDF page of zero" => [page_payload.merge("reading" => { "page" => 0 }), "reading.page"],
      "a video without its playing state" => [
        { "item" => { "kind" => "video", "document_id" => 4 }, "video" => { "position" => 1 } },
        "video.playing",
      ],
      "a video item without video state" => [
        { "item" => { "kind" => "video", "document_id" => 4 } },
        "video",
      ],
      "video state on a web page" => [
        page_payload.merge("video" => { "playing" => true, "position" => 1 }),
        "video",
      ],
      "a negative video position" => [
        { "item" => youtube_item }.merge("video" => { "playing" => true, "position" => -1 }),
        "video.position",
      ],
      "a playback rate of ten" => [
        { "item" => youtube_item }.merge(
          "video" => {
            "playing" => true,
            "position" => 1,
            "rate" => 10,
          },
        ),
        "video.rate",
      ],
      "a playing flag written as a string" => [
        { "item" => youtube_item }.merge("video" => { "playing" => "yes", "position" => 1 }),
        "video.playing",
      ],
    }.each do |description, (payload, field)|
      it "refuses #{description}, naming #{field}" do
        outcome =
          described_class.update(
            described_class.initial,
            actor: client,
            payload: payload,
            now_ms: start,
          )
        expect(outcome.to_a.first(3)).to eq([described_class.initial, :invalid_payload, field])
      end
    end
  end

  describe "lead and lock" do
    it "lets any member take the lead from another while it is not locked" do
      outcome = described_class.take_lead(led_by(client), actor: partner, now_ms: start + 1)
      expect(outcome.state["leader_id"]).to eq(partner.id)
    end

    it "lets only a therapist lock the lead" do
      expect(described_class.lock(led_by(client), actor: client, now_ms: start).error).to eq(
        :not_therapist,
      )
      expect(described_class.lock(led_by(client), actor: therapist, now_ms: start)).to be_ok
    end

    it "keeps a client from taking a locked lead, while a therapist still can" do
      locked = described_class.lock(led_by(therapist), actor: therapist, now_ms: start).state

      expect(described_class.take_lead(locked, actor: client, now_ms: start + 1).error).to eq(
        :lead_locked,
      )
      released = described_class.release_lead(locked, actor: therapist, now_ms: start + 2).state
      expect(
        described_class.update(released, actor: client, payload: page, now_ms: start + 3).error,
      ).to eq(:lead_locked)
      expect(described_class.take_lead(locked, actor: therapist, now_ms: start + 1)).to be_ok
    end

    it "publishes nothing when the lock is already as asked" do
      outcome = described_class.unlock(led_by(client), actor: therapist, now_ms: start)
      expect(outcome).to be_ok
      expect(outcome.changed).to be(false)
    end

    it "lets only the leader release the lead" do
      state = led_by(client)
      expect(described_class.release_lead(state, actor: partner, now_ms: start).error).to eq(
        :not_leader,
      )
      expect(
        described_class.release_lead(state, actor: client, now_ms: start).state["leader_id"],
      ).to be_nil
    end
  end

  describe "a leader who disconnects" do
    let(:timeout) { described_class::LEAD_TIMEOUT_MS }

    it "keeps the lead while heartbeats arrive" do
      state = led_by(client)
      state = described_class.heartbeat(state, actor: client, now_ms: start + timeout - 1).state
      state = described_class.expire(state, now_ms: start + timeout + 1)
      expect(state["leader_id"]).to eq(client.id)
    end

    it "loses the lead after the timeout, in a new published state that keeps what was shown" do
      state = led_by(client, youtube_payload)
      expired = described_class.expire(state, now_ms: start + timeout)

      expect(expired).to include("leader_id" => nil, "seq" => state["seq"] + 1)
      expect(expired["item"]).to eq(state["item"])
      expect(expired["video"]).to eq(state["video"])
    end

    it "lets another member take over once the lead timed out" do
      outcome =
        described_class.update(
          led_by(client),
          actor: partner,
          payload: page,
          now_ms: start + timeout,
        )
      expect(outcome.state["leader_id"]).to eq(partner.id)
    end

    it "hands back the released state to store even when the late leader's update is refused" do
      state = described_class.lock(led_by(therapist), actor: therapist, now_ms: start).state
      outcome =
        described_class.update(state, actor: client, payload: page, now_ms: start + timeout + 5)

      expect(outcome.error).to eq(:lead_locked)
      expect(outcome.changed).to be(true)
      expect(outcome.state["leader_id"]).to be_nil
    end

    it "no longer accepts a heartbeat from the leader who timed out" do
      outcome = described_class.heartbeat(led_by(client), actor: client, now_ms: start + timeout)
      expect(outcome.error).to eq(:not_leader)
    end
  end

  describe ".shown_item_event" do
    it "records what was shown, by whom and when, once per new item" do
      before = led_by(client)
      after =
        described_class.update(
          before,
          actor: client,
          payload: youtube_payload,
          now_ms: start + 9,
        ).state
      scrolled =
        described_class.update(
          after,
          actor: client,
          payload: youtube_payload.merge("reading" => { "position" => 0.5 }),
          now_ms: start + 10,
        ).state

      expect(described_class.shown_item_event(before, after)).to eq(
        "item" => {
          "kind" => "youtube",
          "video_id" => "dQw4w9WgXcQ",
        },
        "user_id" => client.id,
        "at_ms" => start + 9,
      )
      expect(described_class.shown_item_event(after, scrolled)).to be_nil
    end
  end
end
