# frozen_string_literal: true

RSpec.describe OnlineClinic::RecordDigest do
  let(:posts) do
    [
      {
        "id" => 101,
        "topic_id" => 10,
        "post_number" => 1,
        "user_id" => 2,
        "raw" => "שלום, I start today 🌿",
        "created_at" => "2026-12-04T20:00:00.000Z",
        "updated_at" => "2026-12-04T20:05:00.000Z",
        "deleted_at" => nil,
        "revisions" => [
          {
            "number" => 2,
            "user_id" => 2,
            "raw" => "שלום, I start today 🌿",
            "created_at" => "2026-12-04T20:05:00.000Z",
          },
        ],
      },
      {
        "id" => 102,
        "topic_id" => 10,
        "post_number" => 2,
        "user_id" => 1,
        "raw" => "Welcome.",
        "created_at" => "2026-12-04T20:10:00.000Z",
        "updated_at" => "2026-12-04T20:10:00.000Z",
        "deleted_at" => nil,
        "revisions" => [],
      },
    ]
  end
  let(:uploads) do
    [{ "id" => 7, "sha1" => "a" * 40, "filesize" => 1234, "original_filename" => "drawing.png" }]
  end

  def digest(posts: self.posts, uploads: self.uploads)
    described_class.compute(posts: posts, uploads: uploads).hex
  end

  def changed_post(index = 0, &change)
    copy = Marshal.load(Marshal.dump(posts))
    change.call(copy[index])
    copy
  end

  it "gives the same 64-digit digest for the same record" do
    expect(digest).to match(/\A\h{64}\z/)
    expect(digest).to eq(digest(posts: Marshal.load(Marshal.dump(posts))))
  end

  {
    "the raw text" => ->(post) { post["raw"] += "." },
    "the author" => ->(post) { post["user_id"] = 3 },
    "created_at" => ->(post) { post["created_at"] = "2026-12-04T20:00:00.001Z" },
    "updated_at" => ->(post) { post["updated_at"] = "2026-12-04T20:06:00.000Z" },
    "deleted_at" => ->(post) { post["deleted_at"] = "2026-12-05T09:00:00.000Z" },
    "the post number" => ->(post) { post["post_number"] = 3 },
    "the topic" => ->(post) { post["topic_id"] = 11 },
    "a revision's raw" => ->(post) { post["revisions"][0]["raw"] = "earlier text" },
    "a revision's author" => ->(post) { post["revisions"][0]["user_id"] = 1 },
    "a revision's time" => ->(post) do
      post["revisions"][0]["created_at"] = "2026-12-04T20:05:01.000Z"
    end,
    "a revision's number" => ->(post) { post["revisions"][0]["number"] = 3 },
    "a removed revision" => ->(post) { post["revisions"].clear },
  }.each do |what, change|
    it "changes when #{what} changes" do
      expect(digest(posts: changed_post(&change))).not_to eq(digest)
    end
  end

  it "changes when a post is removed or added" do
    expect(digest(posts: posts.first(1))).not_to eq(digest)
    extra = posts.last.merge("id" => 103, "post_number" => 3)
    expect(digest(posts: posts + [extra])).not_to eq(digest)
  end

  it "changes when an upload's sha1, size or name changes, or when it is replaced by a sha256" do
    variants = [
      uploads.map { |upload| upload.merge("sha1" => "b" * 40) },
      uploads.map { |upload| upload.merge("filesize" => 1235) },
      uploads.map { |upload| upload.merge("original_filename" => "drawing2.png") },
      uploads.map { |upload| upload.except("sha1").merge("sha256" => "c" * 64) },
      [],
    ]
    variants.each { |changed| expect(digest(uploads: changed)).not_to eq(digest) }
  end

  it "does not depend on the order the rows were loaded in" do
    shuffled = posts.reverse.map { |post| post.merge("revisions" => post["revisions"].reverse) }
    expect(digest(posts: shuffled)).to eq(digest)
  end

  it "reads Time objects as the millisecond timestamps the chain uses" do
    with_times = changed_post { |post| post["created_at"] = Time.utc(2026, 12, 4, 20, 0, 0) }
    expect(digest(posts: with_times)).to eq(digest)
  end

  it "accepts symbol keys" do
    symbolized = posts.map { |post| post.transform_keys(&:to_sym) }
    expect(digest(posts: symbolized)).to eq(digest)
  end

  it "lists one digest per post and upload" do
    items = described_class.compute(posts: posts, uploads: uploads).items
    expect(items.map { |item| [item["kind"], item["id"]] }).to eq(
      [["post", 101], ["post", 102], ["upload", 7]],
    )
  end

  describe ".differences" do
    it "names exactly the post that changed, the one that disappeared and the one that appeared" do
      recorded = described_class.compute(posts: posts, uploads: uploads).items
      current_posts = changed_post { |post| post["raw"] = "rewritten" }.first(1)
      current_posts << posts.last.merge("id" => 104, "post_number" => 4)
      current = described_class.compute(posts: current_posts, uploads: uploads).items

      expect(described_class.differences(recorded, current).map(&:to_h)).to eq(
        [
          { kind: "post", id: 101, change: "changed" },
          { kind: "post", id: 102, change: "missing" },
          { kind: "post", id: 104, change: "added" },
        ],
      )
    end

    it "finds nothing when the record is unchanged" do
      items = described_class.compute(posts: posts, uploads: uploads).items
      expect(described_class.differences(items, items)).to be_empty
    end
  end

  describe "bad input" do
    it "refuses an upload without a hash" do
      expect { digest(uploads: [{ "id" => 1, "original_filename" => "a" }]) }.to raise_error(
        ArgumentError,
        /neither sha1 nor sha256/,
      )
    end

    it "refuses a post listed twice" do
      expect { digest(posts: posts + posts.first(1)) }.to raise_error(ArgumentError, /repeat/)
    end

    it "refuses a timestamp in another form" do
      bad = changed_post { |post| post["created_at"] = "2026-12-04 20:00" }
      expect { digest(posts: bad) }.to raise_error(ArgumentError, /created_at/)
    end
  end
end
