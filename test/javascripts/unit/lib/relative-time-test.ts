import { module, test } from "qunit";
import { relativeTime } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/relative-time";

module("Unit | Lib | online-clinic | relative-time", function () {
  test("says how long ago, in the reader's language", function (assert) {
    const now = new Date("2026-12-04T21:20:00.000Z");
    assert.strictEqual(
      relativeTime("2026-12-04T18:20:00.000Z", now, "en"),
      "3 hours ago"
    );
    assert.strictEqual(
      relativeTime("2026-12-01T21:20:00.000Z", now, "en"),
      "3 days ago"
    );
    assert.strictEqual(
      relativeTime("2026-12-04T21:19:50.000Z", now, "en"),
      "this minute"
    );
    assert.strictEqual(
      relativeTime("2026-12-05T21:20:00.000Z", now, "en"),
      "tomorrow"
    );
  });
});
