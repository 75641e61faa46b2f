# frozen_string_literal: true

RSpec.describe OnlineClinic::FolderName do
  describe ".normalize" do
    it "trims the ends and collapses white space and control characters to one space" do
      expect(described_class.normalize("  Letters \t to\n\u0000my  father ")).to eq(
        "Letters to my father",
      )
    end

    it "accepts nil as an empty name" do
      expect(described_class.normalize(nil)).to eq("")
    end
  end

  describe ".errors" do
    it "accepts English, Hebrew and emoji names" do
      ["Dreams", "חלומות", "Songs 🎵", "Tom & Ann"].each do |name|
        expect(described_class.errors(name)).to eq([])
      end
    end

    it "calls empty, white-space-only and invisible-only names blank" do
      ["", "   ", nil, "\u200b\ufeff"].each do |name|
        expect(described_class.errors(name)).to eq([:blank])
      end
    end

    it "allows 40 code points and refuses 41, counting a Hebrew letter or an emoji as one" do
      expect(described_class.errors("ש" * 40)).to eq([])
      expect(described_class.errors("🌿" * 40)).to eq([])
      expect(described_class.errors("ש" * 41)).to eq([:too_long])
    end

    it "judges the length after trimming" do
      expect(described_class.errors("  #{"a" * 40}  ")).to eq([])
    end

    it "refuses tags and character references but not a lone < or &" do
      expect(described_class.errors("<b>Poems</b>")).to eq([:contains_html])
      expect(described_class.errors("Poems &amp; songs")).to eq([:contains_html])
      expect(described_class.errors("a < b & c")).to eq([])
    end

    it "reports every problem of a long name with HTML" do
      expect(described_class.errors("<i>#{"x" * 40}</i>")).to eq(%i[too_long contains_html])
    end
  end

  describe ".same?" do
    it "ignores case and spacing, for Latin and non-Latin letters" do
      expect(described_class.same?("Letters", "  LETTERS ")).to eq(true)
      expect(described_class.same?("Été", "ÉTÉ")).to eq(true)
      expect(described_class.same?("Straße", "STRASSE")).to eq(true)
      expect(described_class.same?("מכתבים", "מכתבים ")).to eq(true)
    end

    it "keeps different names apart" do
      expect(described_class.same?("Letters", "Letter")).to eq(false)
    end
  end
end
