// How far the server's clock is ahead of this browser's, from round trips (NTP-style). Each
// sample brackets the server's stamp between the moment the request left and the moment the
// answer came back, so the true offset lies within half the round trip of the sample's midpoint
// estimate. Samples with the shortest round trips are the most exact; the estimate is the median
// of the best few. When a new sample's bracket cannot overlap the current estimate's, this
// browser's clock has jumped (a wake from sleep, a manual or NTP correction): start over from it.
//
// Pure: the caller passes every timestamp in; nothing here reads a clock.

export interface OffsetSample {
  clientSentMs: number;
  serverMs: number;
  clientReceivedMs: number;
}

export interface MeasuredSample {
  offsetMs: number;
  roundTripMs: number;
}

export interface ClockOffsetOptions {
  // Samples kept; older ones fall out.
  windowSize: number;
  // How many of the shortest round trips the median is taken over.
  bestCount: number;
  // Round trips longer than this say too little to be kept.
  maxRoundTripMs: number;
  // Allowance for the server's stamp granularity and its processing time.
  slackMs: number;
}

export interface ClockOffsetState {
  samples: readonly MeasuredSample[];
  // Bumped when a clock jump made the estimator start over.
  restarts: number;
}

export const DEFAULT_OFFSET_OPTIONS: ClockOffsetOptions = {
  windowSize: 8,
  bestCount: 3,
  maxRoundTripMs: 10_000,
  slackMs: 5,
};

export const EMPTY_OFFSET_STATE: ClockOffsetState = {
  samples: [],
  restarts: 0,
};

export function measureSample(sample: OffsetSample): MeasuredSample {
  const roundTripMs = sample.clientReceivedMs - sample.clientSentMs;
  return {
    offsetMs:
      sample.serverMs - (sample.clientSentMs + sample.clientReceivedMs) / 2,
    roundTripMs,
  };
}

function bestSamples(
  samples: readonly MeasuredSample[],
  options: ClockOffsetOptions
): MeasuredSample[] {
  return [...samples]
    .sort((a, b) => a.roundTripMs - b.roundTripMs)
    .slice(0, options.bestCount);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? sorted[middle]
    : (sorted[middle - 1] + sorted[middle]) / 2;
}

// The offset to add to the client's clock, rounded to whole milliseconds; null before the first
// usable sample.
export function estimateOffset(
  state: ClockOffsetState,
  options: ClockOffsetOptions = DEFAULT_OFFSET_OPTIONS
): number | null {
  if (state.samples.length === 0) {
    return null;
  }
  return Math.round(
    median(bestSamples(state.samples, options).map((s) => s.offsetMs))
  );
}

export function addOffsetSample(
  state: ClockOffsetState,
  sample: OffsetSample,
  options: ClockOffsetOptions = DEFAULT_OFFSET_OPTIONS
): ClockOffsetState {
  const measured = measureSample(sample);
  // A negative or very long round trip is a clock jump in flight or a stalled request.
  if (
    !Number.isFinite(measured.offsetMs) ||
    measured.roundTripMs < 0 ||
    measured.roundTripMs > options.maxRoundTripMs
  ) {
    return state;
  }
  if (state.samples.length > 0 && !agrees(state, measured, options)) {
    return { samples: [measured], restarts: state.restarts + 1 };
  }
  const samples = [...state.samples, measured].slice(-options.windowSize);
  return { samples, restarts: state.restarts };
}

// Both brackets contain the true offset if neither clock jumped; if they cannot overlap, one did.
function agrees(
  state: ClockOffsetState,
  measured: MeasuredSample,
  options: ClockOffsetOptions
): boolean {
  const best = bestSamples(state.samples, options)[0];
  const bound =
    best.roundTripMs / 2 + measured.roundTripMs / 2 + options.slackMs;
  return Math.abs(measured.offsetMs - best.offsetMs) <= bound;
}

// After a backward step of the wall clock (checkWallClock), moves every kept sample by the same
// step so that the estimate stays right without waiting for a new round trip.
export function shiftForWallClockStep(
  state: ClockOffsetState,
  stepMs: number
): ClockOffsetState {
  return {
    samples: state.samples.map((s) => ({
      ...s,
      offsetMs: s.offsetMs - stepMs,
    })),
    restarts: state.restarts,
  };
}

export function serverNowMs(clientNowMs: number, offsetMs: number): number {
  return Math.floor(clientNowMs + offsetMs);
}

// Notices that this browser's wall clock moved by itself between two ticks: the gap between the
// wall clock and the monotonic clock (performance.now()) changed. A backward step can only be a
// correction of the wall clock, which the caller can apply to its offset at once. A forward step
// is ambiguous, since a laptop that slept may have stopped the monotonic clock while the wall
// clock went on: the caller should not show digits it cannot vouch for, and take a fresh sample.
export interface WallClockWatch {
  lastGapMs: number | null;
}

export interface WallClockCheck {
  watch: WallClockWatch;
  // Wall clock minus monotonic clock, change since the previous tick; 0 when within tolerance.
  stepMs: number;
}

export function checkWallClock(
  watch: WallClockWatch,
  wallNowMs: number,
  monotonicNowMs: number,
  toleranceMs = 1000
): WallClockCheck {
  const gap = wallNowMs - monotonicNowMs;
  const step = watch.lastGapMs === null ? 0 : gap - watch.lastGapMs;
  return {
    watch: { lastGapMs: gap },
    stepMs: Math.abs(step) > toleranceMs ? step : 0,
  };
}
