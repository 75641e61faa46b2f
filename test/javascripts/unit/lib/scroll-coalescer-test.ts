import { module, test } from "qunit";
import {
  readingPosition,
  ScrollCoalescer,
  scrollTopFor,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/scroll-coalescer";

function fakeClock() {
  let now = 0;
  let timers: { at: number; callback: () => void; cancelled: boolean }[] = [];
  return {
    now: () => now,
    later(callback: () => void, ms: number) {
      const timer = { at: now + ms, callback, cancelled: false };
      timers.push(timer);
      return () => (timer.cancelled = true);
    },
    advance(ms: number) {
      now += ms;
      const due = timers.filter((timer) => timer.at <= now && !timer.cancelled);
      timers = timers.filter((timer) => timer.at > now && !timer.cancelled);
      due.forEach((timer) => timer.callback());
    },
  };
}

module("Unit | Lib | online-clinic | scroll-coalescer", function () {
  test("a flood of scroll events sends at most one message a second", function (assert) {
    const clock = fakeClock();
    const sent: number[] = [];
    const coalescer = new ScrollCoalescer(
      (position) => sent.push(position),
      clock
    );
    for (let event = 0; event < 600; event++) {
      coalescer.push(event / 1000);
      clock.advance(1000 / 60);
    }
    assert.true(
      sent.length <= 11,
      `${sent.length} messages for 10 s of scrolling`
    );
    assert.true(
      sent.length >= 10,
      "but the follower still sees the reading move every second"
    );
  });

  test("the last position is always sent, a moment after scrolling stops", function (assert) {
    const clock = fakeClock();
    const sent: number[] = [];
    const coalescer = new ScrollCoalescer(
      (position) => sent.push(position),
      clock
    );
    coalescer.push(0.1);
    coalescer.push(0.2);
    coalescer.push(0.35);
    assert.deepEqual(sent, [0.1], "the first goes at once");
    clock.advance(1000);
    assert.deepEqual(
      sent,
      [0.1, 0.35],
      "the last arrives, the in-between one is skipped"
    );
  });

  test("sends nothing when the position did not change, and nothing after closing", function (assert) {
    const clock = fakeClock();
    const sent: number[] = [];
    const coalescer = new ScrollCoalescer(
      (position) => sent.push(position),
      clock
    );
    coalescer.push(0.5);
    clock.advance(1500);
    coalescer.push(0.5);
    assert.deepEqual(sent, [0.5], "the same position is not sent twice");
    coalescer.push(0.6);
    coalescer.push(0.7);
    coalescer.dispose();
    clock.advance(2000);
    assert.deepEqual(
      sent,
      [0.5, 0.6],
      "the waiting 0.7 is dropped with the screen"
    );
  });

  test("a small and a large window agree on the paragraph being read", function (assert) {
    const position = readingPosition({
      scrollTop: 4600,
      scrollHeight: 10000,
      clientHeight: 800,
    });
    assert.strictEqual(position, 0.5);
    const largeTop = scrollTopFor(position, 10000, 1400);
    assert.strictEqual(
      largeTop + 1400 / 2,
      5000,
      "the same middle line on the larger window"
    );
  });

  test("stays within what can be scrolled at both ends", function (assert) {
    assert.strictEqual(scrollTopFor(1, 10000, 800), 9200);
    assert.strictEqual(scrollTopFor(0, 10000, 800), 0);
    assert.strictEqual(
      readingPosition({ scrollTop: 0, scrollHeight: 0, clientHeight: 0 }),
      0
    );
  });
});
