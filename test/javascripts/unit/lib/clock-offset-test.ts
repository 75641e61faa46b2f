import { module, test } from "qunit";
import {
  addOffsetSample,
  checkWallClock,
  type ClockOffsetState,
  EMPTY_OFFSET_STATE,
  estimateOffset,
  type OffsetSample,
  serverNowMs,
  shiftForWallClockStep,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clock-offset";

// The server is 90 s ahead of this browser.
const TRUE_OFFSET = 90_000;

// A round trip leaving at clientSentMs, `up` ms to the server and `down` ms back.
function roundTrip(
  clientSentMs: number,
  up: number,
  down: number,
  offset = TRUE_OFFSET
): OffsetSample {
  return {
    clientSentMs,
    serverMs: clientSentMs + up + offset,
    clientReceivedMs: clientSentMs + up + down,
  };
}

function feed(
  samples: OffsetSample[],
  state: ClockOffsetState = EMPTY_OFFSET_STATE
) {
  return samples.reduce((acc, sample) => addOffsetSample(acc, sample), state);
}

module("Unit | Lib | online-clinic | clock-offset", function () {
  test("knows nothing before the first sample", function (assert) {
    assert.strictEqual(estimateOffset(EMPTY_OFFSET_STATE), null);
  });

  test("one symmetric round trip gives the exact offset", function (assert) {
    assert.strictEqual(
      estimateOffset(feed([roundTrip(1000, 40, 40)])),
      TRUE_OFFSET
    );
  });

  test("prefers the shortest round trips over slow, lopsided ones", function (assert) {
    const state = feed([
      roundTrip(1000, 900, 30), // lopsided: alone it would be 435 ms off
      roundTrip(5000, 22, 20),
      roundTrip(9000, 400, 1200),
      roundTrip(13_000, 20, 24),
      roundTrip(17_000, 21, 21),
    ]);
    const error = Math.abs((estimateOffset(state) ?? 0) - TRUE_OFFSET);
    assert.true(error <= 2, `within 2 ms of the truth (was ${error} ms)`);
  });

  test("stays within a few milliseconds over many noisy samples", function (assert) {
    let seed = 7;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    let state = EMPTY_OFFSET_STATE;
    let worst = 0;
    for (let i = 0; i < 200; i++) {
      const up = 15 + Math.floor(-Math.log(1 - random()) * 60);
      const down = 15 + Math.floor(-Math.log(1 - random()) * 60);
      state = addOffsetSample(state, roundTrip(i * 30_000, up, down));
      if (i >= 4) {
        worst = Math.max(
          worst,
          Math.abs((estimateOffset(state) ?? 0) - TRUE_OFFSET)
        );
      }
    }
    assert.strictEqual(
      state.restarts,
      0,
      "noise alone never looks like a clock jump"
    );
    assert.true(worst <= 30, `worst error ${worst} ms`);
  });

  test("ignores a round trip that went backwards or took too long", function (assert) {
    const state = feed([roundTrip(1000, 20, 20)]);
    const backwards = {
      clientSentMs: 5000,
      serverMs: 95_000,
      clientReceivedMs: 4000,
    };
    assert.deepEqual(addOffsetSample(state, backwards), state);
    assert.deepEqual(
      addOffsetSample(state, roundTrip(9000, 6000, 6000)),
      state
    );
  });

  test("starts over when this browser's clock jumped by 5 minutes", function (assert) {
    const before = feed([roundTrip(1000, 20, 20), roundTrip(31_000, 25, 20)]);
    // The client's clock was set back 5 minutes: the server now looks 5 minutes further ahead.
    const after = addOffsetSample(
      before,
      roundTrip(61_000, 30, 30, TRUE_OFFSET + 300_000)
    );
    assert.strictEqual(after.restarts, 1);
    assert.strictEqual(estimateOffset(after), TRUE_OFFSET + 300_000);
  });

  test("follows a backward wall clock step at once, before any new sample", function (assert) {
    let watch = checkWallClock({ lastGapMs: null }, 1_000_000, 500).watch;
    // One second later on the monotonic clock, the wall clock reads 5 minutes earlier.
    const check = checkWallClock(watch, 1_000_000 + 1000 - 300_000, 1500);
    watch = check.watch;
    assert.strictEqual(check.stepMs, -300_000);
    const shifted = shiftForWallClockStep(
      feed([roundTrip(1000, 20, 20)]),
      check.stepMs
    );
    const wallNow = 1_000_000 + 1000 - 300_000;
    assert.strictEqual(
      serverNowMs(wallNow, estimateOffset(shifted) ?? 0),
      1_000_000 + 1000 + TRUE_OFFSET,
      "the server time is the same as if the clock had not moved"
    );
    assert.strictEqual(
      checkWallClock(watch, wallNow + 1000, 2500).stepMs,
      0,
      "then steady"
    );
  });

  test("reports a forward step, as after a sleep, without guessing which clock was right", function (assert) {
    const watch = checkWallClock({ lastGapMs: null }, 1_000_000, 500).watch;
    assert.strictEqual(
      checkWallClock(watch, 1_000_000 + 600_000, 900).stepMs,
      599_600
    );
    assert.strictEqual(
      checkWallClock(watch, 1_000_000 + 1300, 1800).stepMs,
      0,
      "timer lateness is not a step"
    );
  });
});
