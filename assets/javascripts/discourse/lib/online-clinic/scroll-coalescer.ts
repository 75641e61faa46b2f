// The leader's scrolling, reduced to at most one message per interval, the last position
// always sent; positions are relative to the document so different window sizes agree.

export const SCROLL_INTERVAL_MS = 1000;

export interface ScrollMetrics {
  scrollTop: number;
  scrollHeight: number;
  clientHeight: number;
}

/**
 * 0..1: how far through the document the middle of the window is. Matching the middle (not
 * the top) keeps the paragraph being read in view on a smaller or larger window.
 */
export function readingPosition(metrics: ScrollMetrics): number {
  const { scrollTop, scrollHeight, clientHeight } = metrics;
  if (scrollHeight <= 0) {
    return 0;
  }
  const middle = (scrollTop + clientHeight / 2) / scrollHeight;
  return Math.round(Math.min(1, Math.max(0, middle)) * 10000) / 10000;
}

/** The scrollTop that puts `position` in the middle of this window, within what can scroll. */
export function scrollTopFor(
  position: number,
  scrollHeight: number,
  clientHeight: number
): number {
  const wanted = position * scrollHeight - clientHeight / 2;
  return Math.round(
    Math.min(Math.max(0, scrollHeight - clientHeight), Math.max(0, wanted))
  );
}

export interface CoalescerClock {
  now(): number;
  /** Runs `callback` after `ms`; returns a function that cancels it. */
  later(callback: () => void, ms: number): () => void;
}

const realClock: CoalescerClock = {
  now: () => Date.now(),
  later: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    return () => clearTimeout(handle);
  },
};

export class ScrollCoalescer {
  private readonly send: (position: number) => void;
  private readonly clock: CoalescerClock;
  private readonly intervalMs: number;
  private lastSentAtMs = -Infinity;
  private lastSent: number | null = null;
  private pending: number | null = null;
  private cancelPending: (() => void) | null = null;

  constructor(
    send: (position: number) => void,
    clock: CoalescerClock = realClock,
    intervalMs: number = SCROLL_INTERVAL_MS
  ) {
    this.send = send;
    this.clock = clock;
    this.intervalMs = intervalMs;
  }

  /** Call on every scroll event. */
  push(position: number): void {
    this.pending = position;
    if (this.cancelPending) {
      return;
    }
    const wait = this.lastSentAtMs + this.intervalMs - this.clock.now();
    if (wait <= 0) {
      this.flush();
    } else {
      this.cancelPending = this.clock.later(() => this.flush(), wait);
    }
  }

  /** Sends what is waiting now, e.g. when the leader hands over the lead. */
  flush(): void {
    this.cancelPending?.();
    this.cancelPending = null;
    const position = this.pending;
    this.pending = null;
    if (position === null || position === this.lastSent) {
      return;
    }
    this.lastSent = position;
    this.lastSentAtMs = this.clock.now();
    this.send(position);
  }

  /** Drops what is waiting without sending it (the screen closed). */
  dispose(): void {
    this.cancelPending?.();
    this.cancelPending = null;
    this.pending = null;
  }
}
