# frozen_string_literal: true

RSpec.describe OnlineClinic::SessionIcs do
  starts_at = Time.utc(2026, 10, 27, 16, 0)

  def ics(**overrides)
    described_class.build(
      uid: "session-42@forum.example",
      starts_at: Time.utc(2026, 10, 27, 16, 0),
      ends_at: Time.utc(2026, 10, 27, 16, 50),
      summary: "Appointment",
      url: "https://forum.example/online-clinic/sessions/42",
      stamp: Time.utc(2026, 10, 1, 9, 0),
      **overrides,
    )
  end

  def unfolded(text)
    text.gsub("\r\n ", "").split("\r\n")
  end

  it "describes one event with a neutral title, times in UTC and the link" do
    lines = unfolded(ics)
    expect(lines.first).to eq("BEGIN:VCALENDAR")
    expect(lines.last).to eq("END:VCALENDAR")
    expect(lines).to include(
      "UID:session-42@forum.example",
      "DTSTART:20261027T160000Z",
      "DTEND:20261027T165000Z",
      "SUMMARY:Appointment",
      "URL:https://forum.example/online-clinic/sessions/42",
    )
  end

  it "says nothing about therapy, the clinic or the people" do
    expect(ics).not_to match(/DESCRIPTION|LOCATION|ATTENDEE|ORGANIZER|therap|clinic:/i)
  end

  it "writes a time given in another zone as the same instant in UTC" do
    local = starts_at.getlocal("+02:00")
    expect(unfolded(ics(starts_at: local))).to include("DTSTART:20261027T160000Z")
  end

  it "ends every line with CRLF and keeps every line within 75 octets" do
    text = ics(summary: "פגישה " * 30)
    expect(text).to end_with("\r\n")
    expect(text.delete("\r\n").length).to be > 0
    expect(text.split("\r\n").map(&:bytesize).max).to be <= 75
    expect(text.scan(/(?<!\r)\n/)).to be_empty
  end

  it "folds without splitting a Hebrew letter and unfolds to the original" do
    summary = "תור " * 40
    text = ics(summary: summary)
    expect(text.split("\r\n").all?(&:valid_encoding?)).to be(true)
    expect(unfolded(text)).to include("SUMMARY:#{summary}")
  end

  it "escapes commas, semicolons, backslashes and newlines in the title" do
    expect(unfolded(ics(summary: "A, b; c\\d\ne"))).to include("SUMMARY:A\\, b\\; c\\\\d\\ne")
  end

  it "refuses an end before the start and a link that is not http(s)" do
    expect { ics(ends_at: starts_at - 1) }.to raise_error(ArgumentError)
    expect { ics(url: "javascript:alert(1)") }.to raise_error(ArgumentError)
    expect { ics(url: "https://x.example/a\r\nSUMMARY:Therapy") }.to raise_error(ArgumentError)
  end
end
