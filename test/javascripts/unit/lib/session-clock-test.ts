import { module, test } from "qunit";
import {
  clockText,
  msUntilNextTick,
  readSessionClock,
  type SessionClockJson,
  type SessionClockReading,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/session-clock";
import vectors from "../../../fixtures/online-clinic/session-time-vectors.json";

interface TimeVector {
  name: string;
  session: SessionClockJson;
  server_now_ms: number;
  elapsed_seconds: number;
  remaining_seconds: number;
  overtime: boolean;
  notice: SessionClockReading["notice"];
  text: string;
}

const cases = vectors.cases as TimeVector[];

const T0 = 1_796_392_800_000;
const MINUTE = 60_000;

function runningSince(
  startedAtMs: number,
  plannedMinutes = 50
): SessionClockJson {
  return {
    state: "running",
    planned_seconds: plannedMinutes * 60,
    started_at_ms: startedAtMs,
    paused_total_ms: 0,
    paused_since_ms: null,
    extensions_seconds: 0,
    ended_at_ms: null,
  };
}

module("Unit | Lib | online-clinic | session-clock", function () {
  test("reads every shared vector exactly as the server does", function (assert) {
    assert.true(cases.length >= 20, "the shared vectors are present");
    for (const vector of cases) {
      const reading = readSessionClock(vector.session, vector.server_now_ms);
      assert.deepEqual(
        {
          elapsed: reading.elapsedSeconds,
          remaining: reading.remainingSeconds,
          overtime: reading.overtime,
          notice: reading.notice,
          text: reading.text,
        },
        {
          elapsed: vector.elapsed_seconds,
          remaining: vector.remaining_seconds,
          overtime: vector.overtime,
          notice: vector.notice,
          text: vector.text,
        },
        vector.name
      );
    }
  });

  test("a paused session's remaining time does not move", function (assert) {
    const paused: SessionClockJson = {
      ...runningSince(T0),
      state: "paused",
      paused_since_ms: T0 + 10 * MINUTE,
    };
    const texts = [11, 30, 240].map(
      (m) => readSessionClock(paused, T0 + m * MINUTE).text
    );
    assert.deepEqual(texts, ["40:00", "40:00", "40:00"]);
  });

  test("any tick, however late, shows the true time: nothing is counted", function (assert) {
    const session = runningSince(T0);
    assert.strictEqual(readSessionClock(session, T0 + 1000).text, "49:59");
    // The tab slept for 37 minutes and 12.3 seconds between two ticks.
    assert.strictEqual(
      readSessionClock(session, T0 + 37 * MINUTE + 12_300).text,
      "12:48"
    );
  });

  test("the notice appears when 05:00 appears, and the end notice with 00:00", function (assert) {
    const session = runningSince(T0);
    const at = (ms: number) => readSessionClock(session, ms);
    assert.deepEqual(
      [at(T0 + 45 * MINUTE - 1).text, at(T0 + 45 * MINUTE - 1).notice],
      ["05:01", "none"]
    );
    assert.deepEqual(
      [at(T0 + 45 * MINUTE).text, at(T0 + 45 * MINUTE).notice],
      ["05:00", "five_minutes"]
    );
    assert.deepEqual(
      [at(T0 + 50 * MINUTE).text, at(T0 + 50 * MINUTE).notice],
      ["00:00", "ended"]
    );
  });

  test("overtime counts up and never stops the clock", function (assert) {
    const reading = readSessionClock(runningSince(T0), T0 + 57 * MINUTE + 3000);
    assert.true(reading.overtime);
    assert.strictEqual(reading.text, "07:03");
    assert.strictEqual(reading.remainingSeconds, -423);
  });

  test("writes hours as h:mm:ss and never a negative zero", function (assert) {
    assert.strictEqual(clockText(10_799), "2:59:59");
    assert.strictEqual(clockText(3600), "1:00:00");
    assert.strictEqual(clockText(59), "00:59");
    assert.strictEqual(clockText(-61), "01:01");
    const halfPastEnd = readSessionClock(
      runningSince(T0),
      T0 + 50 * MINUTE + 500
    );
    assert.true(Object.is(halfPastEnd.remainingSeconds, 0), "0, not -0");
    assert.false(halfPastEnd.overtime);
  });

  test("a fractional server time reads like the millisecond before it", function (assert) {
    const session = runningSince(T0);
    assert.deepEqual(
      readSessionClock(session, T0 + 999.9),
      readSessionClock(session, T0 + 999)
    );
  });

  test("schedules the next tick for the middle of the next second", function (assert) {
    const session = runningSince(T0);
    assert.strictEqual(msUntilNextTick(session, T0), 500);
    assert.strictEqual(msUntilNextTick(session, T0 + 499), 1);
    assert.strictEqual(msUntilNextTick(session, T0 + 500), 1000);
    assert.strictEqual(msUntilNextTick(session, T0 + 501), 999);
    const next = T0 + 501 + 999;
    assert.strictEqual(
      readSessionClock(session, next).text,
      "49:59",
      "the digit has changed"
    );
    assert.strictEqual(
      readSessionClock(session, next - 499).text,
      "49:59",
      "half a second early"
    );
    assert.strictEqual(
      readSessionClock(session, next + 499).text,
      "49:59",
      "half a second late"
    );
    assert.strictEqual(
      msUntilNextTick({ ...session, state: "paused", paused_since_ms: T0 }, T0),
      null
    );
  });
});
