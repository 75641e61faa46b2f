# frozen_string_literal: true

RSpec.describe OnlineClinic::FramingPolicy do
  forum = "https://forum.example.org"
  page_url = "https://news.example.com/articles/1?x=1#part"

  def frameable(headers, page: "https://news.example.com/articles/1?x=1#part", embedder: nil)
    described_class.frameable(
      headers,
      page_url: page,
      embedder_origin: embedder || "https://forum.example.org",
    )
  end

  def csp(value)
    { "content-security-policy" => [value] }
  end

  def xfo(*values)
    { "x-frame-options" => values }
  end

  it "is unknown when no headers could be read" do
    expect(frameable(nil)).to be_nil
  end

  it "is unknown when the page's address or our own origin cannot be read" do
    expect(frameable({}, page: "not a url")).to be_nil
    expect(frameable({}, embedder: "")).to be_nil
  end

  it "allows a page that says nothing about framing" do
    expect(frameable({})).to eq(true)
    expect(frameable({ "content-type" => ["text/html"] })).to eq(true)
  end

  describe "X-Frame-Options" do
    it "refuses DENY in any case and with spaces" do
      expect(frameable(xfo("DENY"))).to eq(false)
      expect(frameable(xfo(" deny "))).to eq(false)
    end

    it "refuses SAMEORIGIN, since our forum is another site" do
      expect(frameable(xfo("SAMEORIGIN"))).to eq(false)
    end

    it "allows SAMEORIGIN when the page is on the forum's own origin" do
      expect(frameable(xfo("sameorigin"), page: "#{forum}/t/1")).to eq(true)
    end

    it "allows ALLOW-FROM, which browsers no longer implement and so ignore" do
      expect(frameable(xfo("ALLOW-FROM https://other.example"))).to eq(true)
    end

    it "allows ALLOWALL and unknown single values" do
      expect(frameable(xfo("ALLOWALL"))).to eq(true)
      expect(frameable(xfo("whatever"))).to eq(true)
    end

    it "refuses conflicting values, in one header or repeated headers" do
      expect(frameable(xfo("DENY, SAMEORIGIN"))).to eq(false)
      expect(frameable(xfo("SAMEORIGIN", "ALLOWALL"))).to eq(false)
    end

    it "treats a repeated identical value as one value" do
      expect(frameable(xfo("DENY", "deny"))).to eq(false)
      expect(frameable(xfo("sameorigin,SAMEORIGIN"), page: "#{forum}/x")).to eq(true)
    end

    it "allows several unknown values" do
      expect(frameable(xfo("foo, bar"))).to eq(true)
    end

    it "reads header names in any case" do
      expect(frameable({ "X-Frame-Options" => ["DENY"] })).to eq(false)
    end
  end

  describe "CSP frame-ancestors" do
    it "refuses 'none'" do
      expect(frameable(csp("frame-ancestors 'none'"))).to eq(false)
      expect(frameable(csp("default-src 'self'; FRAME-ANCESTORS 'NONE'"))).to eq(false)
    end

    it "refuses an empty source list" do
      expect(frameable(csp("frame-ancestors; script-src 'self'"))).to eq(false)
    end

    it "refuses 'self' for another site and allows it on the forum's own origin" do
      expect(frameable(csp("frame-ancestors 'self'"))).to eq(false)
      expect(frameable(csp("frame-ancestors 'self'"), page: "#{forum}/uploads/a.pdf")).to eq(true)
    end

    it "allows a wildcard" do
      expect(frameable(csp("frame-ancestors *"))).to eq(true)
    end

    it "allows our exact origin, with or without scheme and default port" do
      expect(frameable(csp("frame-ancestors https://forum.example.org"))).to eq(true)
      expect(frameable(csp("frame-ancestors forum.example.org"))).to eq(true)
      expect(frameable(csp("frame-ancestors https://forum.example.org:443"))).to eq(true)
      expect(frameable(csp("frame-ancestors https://Forum.Example.org/some/path"))).to eq(true)
    end

    it "refuses other hosts and other ports" do
      expect(frameable(csp("frame-ancestors https://other.example.org"))).to eq(false)
      expect(frameable(csp("frame-ancestors https://forum.example.org:8443"))).to eq(false)
      expect(frameable(csp("frame-ancestors example.org"))).to eq(false)
    end

    it "allows a subdomain wildcard that covers us, but not the bare domain" do
      expect(frameable(csp("frame-ancestors https://*.example.org"))).to eq(true)
      expect(
        frameable(
          csp("frame-ancestors *.forum.example.org"),
          embedder: "https://forum.example.org",
        ),
      ).to eq(false)
    end

    it "allows a port wildcard" do
      expect(frameable(csp("frame-ancestors https://forum.example.org:*"))).to eq(true)
    end

    it "allows scheme sources that cover our scheme, http: included for https" do
      expect(frameable(csp("frame-ancestors https:"))).to eq(true)
      expect(frameable(csp("frame-ancestors http:"))).to eq(true)
      expect(frameable(csp("frame-ancestors data:"))).to eq(false)
    end

    it "refuses an https-only source for a forum served over http" do
      expect(frameable(csp("frame-ancestors https:"), embedder: "http://forum.example.org")).to eq(
        false,
      )
    end

    it "ignores 'none' when other sources are listed" do
      expect(frameable(csp("frame-ancestors 'none' https://forum.example.org"))).to eq(true)
    end

    it "does not count keywords that mean nothing for ancestors" do
      expect(frameable(csp("frame-ancestors 'unsafe-inline'"))).to eq(false)
    end

    it "takes only the first frame-ancestors directive of a policy" do
      expect(frameable(csp("frame-ancestors 'none'; frame-ancestors *"))).to eq(false)
    end

    it "needs every enforced policy to allow us" do
      header = { "content-security-policy" => ["frame-ancestors *", "frame-ancestors 'self'"] }
      expect(frameable(header)).to eq(false)
      expect(frameable(csp("frame-ancestors *, frame-ancestors 'none'"))).to eq(false)
    end

    it "ignores policies without frame-ancestors" do
      header = { "content-security-policy" => ["default-src 'none'", "frame-ancestors *"] }
      expect(frameable(header)).to eq(true)
      expect(frameable(csp("default-src 'none'; script-src 'self'"))).to eq(true)
    end

    it "wins over X-Frame-Options in both directions" do
      allowed = csp("frame-ancestors https://forum.example.org").merge(xfo("DENY"))
      refused = csp("frame-ancestors 'none'").merge(xfo("ALLOWALL"))
      expect(frameable(allowed)).to eq(true)
      expect(frameable(refused)).to eq(false)
    end

    it "ignores a report-only policy" do
      headers = { "content-security-policy-report-only" => ["frame-ancestors 'none'"] }
      expect(frameable(headers)).to eq(true)
    end

    it "falls back to X-Frame-Options when the CSP has no frame-ancestors" do
      expect(frameable(csp("default-src 'self'").merge(xfo("SAMEORIGIN")))).to eq(false)
    end
  end

  it "reads the page's origin from the address it was fetched at" do
    expect(frameable(csp("frame-ancestors 'self'"), page: page_url)).to eq(false)
    expect(frameable(csp("frame-ancestors 'self'"), page: "https://forum.example.org:443/x")).to eq(
      true,
    )
  end
end
