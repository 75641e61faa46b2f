import { module, test } from "qunit";
import {
  groupTimeline,
  monthKey,
  startOfDay,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/timeline-groups";
import { timelineEntries } from "../../helpers/record-fixtures";

module("Unit | Lib | online-clinic | timeline-groups", function () {
  test("groups by month, then into session blocks and runs between sessions", function (assert) {
    const months = groupTimeline(timelineEntries(), {
      locale: "en",
      timeZone: "UTC",
    });

    assert.deepEqual(
      months.map((m) => [m.key, m.label]),
      [
        ["2026-11", "November 2026"],
        ["2026-12", "December 2026"],
      ]
    );
    const december = months[1]!;
    assert.deepEqual(
      december.blocks.map((b) => [b.session, b.entries.length]),
      [
        [{ number: 1, mode: "video", minutes: 50 }, 8],
        [null, 2],
      ],
      "session 1 is one block; what follows falls between sessions"
    );
    assert.strictEqual(months[0]!.blocks[0]!.session, null);
  });

  test("writes month names in the viewer's language and zone", function (assert) {
    const months = groupTimeline(timelineEntries(), {
      locale: "he",
      timeZone: "Asia/Jerusalem",
    });

    assert.strictEqual(months[1]!.label, "דצמבר 2026");
    assert.strictEqual(
      monthKey("2026-11-30T23:30:00.000Z", "Asia/Jerusalem"),
      "2026-12",
      "half past eleven UTC on 30 November is already December in Jerusalem"
    );
  });

  test("a session whose own entry is not loaded still gets a block by its number", function (assert) {
    const entries = timelineEntries().filter((e) => e.kind === "post");
    const months = groupTimeline(entries, { locale: "en", timeZone: "UTC" });

    assert.deepEqual(months[0]!.blocks[0]!.session, {
      number: 1,
      mode: null,
      minutes: null,
    });
  });

  test("a jump starts at the beginning of the picked day and ignores impossible dates", function (assert) {
    const from = startOfDay("2026-12-04");
    assert.strictEqual(
      from,
      new Date(2026, 11, 4).toISOString(),
      "midnight in the viewer's zone"
    );
    assert.strictEqual(startOfDay("2026-02-30"), null);
    assert.strictEqual(startOfDay(""), null);
  });
});
