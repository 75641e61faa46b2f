// A hand-driven clock for the clinic-session-clock service: the wall clock, the monotonic
// clock and the timers move only when a test says so.
import { settled } from "@ember/test-helpers";
import type { SessionClockSource } from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-session-clock";

interface Timer {
  id: number;
  at: number;
  callback: () => void;
}

export class FakeSessionClock implements SessionClockSource {
  wall: number;
  monotonic = 1000;
  timers: Timer[] = [];
  #nextId = 1;

  constructor(wallStartMs: number) {
    this.wall = wallStartMs;
  }

  wallNow(): number {
    return this.wall;
  }

  monotonicNow(): number {
    return this.monotonic;
  }

  setTimer(callback: () => void, ms: number): unknown {
    const timer = { id: this.#nextId++, at: this.monotonic + ms, callback };
    this.timers.push(timer);
    return timer.id;
  }

  clearTimer(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  // Lets `ms` pass, firing each timer at its moment, then waits for the page to settle.
  async advance(ms: number): Promise<void> {
    const end = this.monotonic + ms;
    for (;;) {
      const due = this.timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at)[0];
      if (!due) {
        break;
      }
      this.#moveTo(due.at);
      this.timers = this.timers.filter((t) => t !== due);
      due.callback();
      await settled();
    }
    this.#moveTo(end);
    await settled();
  }

  // The wall clock alone jumps (a manual or NTP correction).
  stepWall(ms: number): void {
    this.wall += ms;
  }

  #moveTo(monotonic: number): void {
    this.wall += monotonic - this.monotonic;
    this.monotonic = monotonic;
  }
}
