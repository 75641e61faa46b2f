import { module, test } from "qunit";
import type { SessionClockJson } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/session-clock";
import {
  appointmentTime,
  localStart,
  sessionMinutes,
  timerDisplay,
  viewerTimeZone,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/session-display";

const START = 1796392800000;
const MIN = 60_000;

function running(extra: Partial<SessionClockJson> = {}): SessionClockJson {
  return {
    state: "running",
    planned_seconds: 3000,
    started_at_ms: START,
    paused_total_ms: 0,
    paused_since_ms: null,
    extensions_seconds: 0,
    ended_at_ms: null,
    ...extra,
  };
}

module("Unit | online-clinic | session-display", function () {
  test("a running session shows what is left, then the overtime", function (assert) {
    assert.deepEqual(timerDisplay(running(), START + 10 * MIN), {
      state: "running",
      digits: "40:00",
      notice: "none",
    });
    assert.deepEqual(timerDisplay(running(), START + 46 * MIN), {
      state: "running",
      digits: "04:00",
      notice: "five_minutes",
    });
    assert.deepEqual(timerDisplay(running(), START + 52 * MIN), {
      state: "overtime",
      digits: "02:00",
      notice: "ended",
    });
  });

  test("half a second past the end is 00:00 and not yet overtime", function (assert) {
    const display = timerDisplay(running(), START + 50 * MIN + 500);
    assert.strictEqual(display.state, "running");
    assert.strictEqual(display.digits, "00:00");
    assert.strictEqual(display.notice, "ended");
  });

  test("a running session with no known server time shows no digits", function (assert) {
    assert.deepEqual(timerDisplay(running(), null), {
      state: "running",
      digits: null,
      notice: "none",
    });
  });

  test("a paused, a scheduled and an ended session read right without the server's time", function (assert) {
    const paused = running({
      state: "paused",
      paused_since_ms: START + 20 * MIN,
    });
    assert.deepEqual(timerDisplay(paused, null), {
      state: "paused",
      digits: "30:00",
      notice: "none",
    });
    const scheduled = running({ state: "scheduled", started_at_ms: null });
    assert.strictEqual(timerDisplay(scheduled, null).digits, "50:00");
    assert.strictEqual(timerDisplay(scheduled, null).state, "scheduled");
    const ended = running({ state: "ended", ended_at_ms: START + 48 * MIN });
    assert.deepEqual(timerDisplay(ended, START + 90 * MIN), {
      state: "ended",
      digits: "48:00",
      notice: "ended",
    });
  });

  test("the schedule form's start and length", function (assert) {
    assert.strictEqual(localStart("2026-12-25", "18:00"), "2026-12-25T18:00");
    assert.strictEqual(localStart("", "18:00"), null);
    assert.strictEqual(localStart("2026-12-25", "6pm"), null);
    assert.strictEqual(sessionMinutes("50"), 50);
    assert.strictEqual(sessionMinutes(" 180 "), 180);
    assert.strictEqual(sessionMinutes("9"), null);
    assert.strictEqual(sessionMinutes("181"), null);
    assert.strictEqual(sessionMinutes("45.5"), null);
    assert.strictEqual(sessionMinutes(""), null);
  });

  test("an appointment reads in the viewer's zone, across a DST change", function (assert) {
    // 16:00 UTC: 18:00 in Jerusalem in winter, 02:00 the next day in Brisbane.
    const winter = "2026-12-11T16:00:00Z";
    assert.true(
      appointmentTime(winter, "Asia/Jerusalem", "en-GB").includes("18:00")
    );
    assert.true(
      appointmentTime(winter, "Australia/Brisbane", "en-GB").includes("02:00")
    );
    // 15:00 UTC in summer is 18:00 in Jerusalem (UTC+3).
    assert.true(
      appointmentTime(
        "2026-07-02T15:00:00Z",
        "Asia/Jerusalem",
        "en-GB"
      ).includes("18:00")
    );
  });

  test("the viewer's zone is their preference when valid, else the browser's", function (assert) {
    assert.strictEqual(viewerTimeZone("Asia/Jerusalem"), "Asia/Jerusalem");
    const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
    assert.strictEqual(viewerTimeZone("Not/AZone"), browser);
    assert.strictEqual(viewerTimeZone(null), browser);
  });
});
