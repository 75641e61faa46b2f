# frozen_string_literal: true

# The same vectors run in the browser's QUnit tests: the early check there and this rule must
# give the same answer, normalised address and reason alike.
RSpec.describe OnlineClinic::ScreenUrlPolicy do
  vectors_path =
    File.expand_path("../../test/fixtures/online-clinic/url-policy-vectors.json", __dir__)
  vectors = JSON.parse(File.read(vectors_path, encoding: "UTF-8"))

  describe "shared accepted vectors" do
    vectors
      .fetch("accepted")
      .each do |vector|
        it "shows #{vector["input"][0, 60].inspect} as #{vector["normalized"][0, 60].inspect}" do
          verdict = described_class.check(vector["input"])
          expect(verdict.to_a).to eq([vector["normalized"], nil])
        end
      end
  end

  describe "shared rejected vectors" do
    vectors
      .fetch("rejected")
      .each do |vector|
        it "refuses #{vector["input"].inspect[0, 60]} because of #{vector["reason"]}" do
          verdict = described_class.check(vector["input"])
          expect(verdict).not_to be_accepted
          expect(verdict.reason.to_s).to eq(vector["reason"])
        end
      end
  end

  it "gives only reasons the screen can translate" do
    reasons = vectors.fetch("rejected").map { |vector| vector["reason"] }.uniq
    expect(reasons).to match_array(described_class::REASONS.map(&:to_s))
  end

  describe ".check" do
    it "refuses a javascript: address with a reason the leader is shown" do
      verdict = described_class.check("javascript:alert(document.cookie)")
      expect(verdict).not_to be_accepted
      expect(verdict.url).to be_nil
      expect(verdict.reason).to eq(:scheme_not_allowed)
    end

    it "refuses bytes that are not UTF-8 instead of failing" do
      verdict = described_class.check("https://example.com/\xFF".b)
      expect(verdict.reason).to eq(:malformed)
    end

    it "gives back an address that a second check leaves unchanged" do
      once = described_class.check("HTTPS://Example.com:443/a b?q='x'#frag")
      expect(described_class.check(once.url).url).to eq(once.url)
    end
  end
end
