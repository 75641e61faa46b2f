# frozen_string_literal: true

RSpec.describe OnlineClinic::ClinicName do
  describe ".normalize" do
    it "trims the ends and collapses inner white space to one space" do
      expect(described_class.normalize("  Dana \t and\n\nNoa  ")).to eq("Dana and Noa")
    end

    it "treats Unicode spaces as white space" do
      expect(described_class.normalize("\u00a0קליניקה\u3000של\u2003דנה\u00a0")).to eq(
        "קליניקה של דנה",
      )
    end

    it "turns control characters into spaces so they never reach the database" do
      expect(described_class.normalize("Dana\u0000\u0007Noa")).to eq("Dana Noa")
    end

    it "accepts nil as an empty name" do
      expect(described_class.normalize(nil)).to eq("")
    end
  end

  describe ".errors" do
    it "accepts an ordinary name" do
      expect(described_class.errors("Dana's clinic")).to eq([])
    end

    it "accepts a Hebrew name" do
      expect(described_class.errors("הקליניקה של דנה")).to eq([])
    end

    it "accepts emoji" do
      expect(described_class.errors("Dana 🌿")).to eq([])
    end

    it "calls an empty, blank or nil name blank" do
      ["", "   ", "\n\t", nil].each { |name| expect(described_class.errors(name)).to eq([:blank]) }
    end

    it "calls a name made only of invisible characters blank" do
      expect(described_class.errors("\u200b\ufeff")).to eq([:blank])
    end

    it "accepts 50 characters and refuses 51 (Discourse's category name limit)" do
      expect(described_class.errors("a" * 50)).to eq([])
      expect(described_class.errors("a" * 51)).to eq([:too_long])
    end

    it "counts Hebrew letters as one character each" do
      expect(described_class.errors("ש" * 50)).to eq([])
      expect(described_class.errors("ש" * 51)).to eq([:too_long])
    end

    it "counts an emoji as one character" do
      expect(described_class.errors("🌿" * 50)).to eq([])
      expect(described_class.errors("🌿" * 51)).to eq([:too_long])
    end

    it "counts a joined emoji by its code points, as Discourse's validator does" do
      family = "👨\u200d👩\u200d👧" # five code points
      expect(described_class.errors(family * 10)).to eq([])
      expect(described_class.errors("#{family * 10}a")).to eq([:too_long])
    end

    it "measures the name after trimming and collapsing white space" do
      expect(described_class.errors("   #{"a" * 50}   ")).to eq([])
      expect(described_class.errors("#{"a" * 25}      #{"b" * 24}")).to eq([])
    end

    it "refuses tag-like text" do
      [
        "<b>Dana</b>",
        "Dana <script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "a <!-- b -->",
      ].each { |name| expect(described_class.errors(name)).to eq([:contains_html]) }
    end

    it "refuses character references" do
      ["Dana &amp; Noa", "&#60;b&#62;", "&#x3c;", "&nbsp;"].each do |name|
        expect(described_class.errors(name)).to eq([:contains_html])
      end
    end

    it "accepts a lone angle bracket or ampersand, which is plain text" do
      ["Dana & Noa", "a < b", "b > a", "a < b > c", "Tom & Ann; again"].each do |name|
        expect(described_class.errors(name)).to eq([])
      end
    end

    it "reports every problem at once" do
      expect(described_class.errors("<b>#{"a" * 60}</b>")).to eq(%i[too_long contains_html])
    end
  end
end
