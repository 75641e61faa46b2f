# frozen_string_literal: true

# The same vectors run in the browser's QUnit tests: both sides must agree byte for byte.
RSpec.describe OnlineClinic::AuditChain do
  vectors_path =
    File.expand_path("../../test/fixtures/online-clinic/audit-chain-vectors.json", __dir__)
  vectors = JSON.parse(File.read(vectors_path, encoding: "UTF-8"))

  describe "shared canonical JSON vectors" do
    vectors
      .fetch("canonical")
      .each_with_index do |vector, index|
        it "writes vector #{index}, #{vector["output"][0, 40].inspect}, exactly" do
          expect(described_class.canonical_json(vector["input"])).to eq(vector["output"])
        end
      end
  end

  describe "shared chain vectors" do
    vectors
      .fetch("chains")
      .each do |vector|
        expectation = vector["valid"] ? "valid" : "broken at seq #{vector["broken_at_seq"]}"

        it "finds the chain \"#{vector["name"]}\" #{expectation}" do
          verification = described_class.verify(vector["entries"])
          expect(verification.to_a).to eq([vector["valid"], vector["broken_at_seq"]])
        end
      end
  end
end
