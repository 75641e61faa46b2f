// Simulates 60 minutes of one session as a client browser sees it and compares every displayed
// remaining time with the server's truth at the same instant. Run: npx tsx bench/session-timer.mjs
//
// The client: its wall clock is 90 s behind the server and drifts 50 ppm; a display loop ticks at
// the middle of each displayed second while the tab is in front, irregularly (1-60 s apart) while
// it is throttled in the background; the laptop sleeps 10 minutes (no ticks, monotonic clock
// stopped); later its wall clock is set back 5 minutes, then forward 5 minutes. It samples the
// server's clock every 30 s and at once after a wall-clock step, over a network with random,
// lopsided delays. State changes (start, pause, resume, +5 min) reach it 80 ms late, or on wake.
import {
  addOffsetSample,
  checkWallClock,
  EMPTY_OFFSET_STATE,
  estimateOffset,
  serverNowMs,
  shiftForWallClockStep,
} from "../assets/javascripts/discourse/lib/online-clinic/clock-offset.ts";
import {
  msUntilNextTick,
  readSessionClock,
} from "../assets/javascripts/discourse/lib/online-clinic/session-clock.ts";

const S = 1000;
const MIN = 60 * S;
const DURATION = 60 * MIN;
const SERVER_AHEAD = 90 * S;
const DRIFT = 50e-6;
const SAMPLE_EVERY = 30 * S;
const BUS_DELAY = 80;

// Deterministic noise (a seeded LCG) so that every run prints the same figures.
let seed = 20261204;
function random() {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return seed / 2147483648;
}
const exponential = (mean) => -Math.log(1 - random()) * mean;

// Timeline, in true (server) time.
const THROTTLED = [10 * MIN, 25 * MIN];
const SLEEP = [25 * MIN, 35 * MIN];
const JUMPS = [
  { at: 40 * MIN, step: -5 * MIN },
  { at: 45 * MIN, step: +5 * MIN },
];
const START = 5 * S;
const PAUSE = [20 * MIN, 22 * MIN];
const EXTEND_AT = 43 * MIN;

// The server's truth, computed here independently of session-clock.ts.
function serverJson(t) {
  const started = t >= START;
  const paused = t >= PAUSE[0] && t < PAUSE[1];
  return {
    state: !started ? "scheduled" : paused ? "paused" : "running",
    planned_seconds: 50 * 60,
    started_at_ms: started ? START : null,
    paused_total_ms: t >= PAUSE[1] ? PAUSE[1] - PAUSE[0] : 0,
    paused_since_ms: paused ? PAUSE[0] : null,
    extensions_seconds: t >= EXTEND_AT ? 5 * 60 : 0,
    ended_at_ms: null,
  };
}
function trueRemainingSeconds(t) {
  if (t < START) {
    return 50 * 60;
  }
  const pausedMs = Math.max(0, Math.min(t, PAUSE[1]) - PAUSE[0]);
  const lengthMs = (50 + (t >= EXTEND_AT ? 5 : 0)) * MIN;
  return Math.ceil((lengthMs - (t - START - pausedMs)) / S) + 0;
}

const laptopClosed = (t) => t >= SLEEP[0] && t < SLEEP[1];
const throttled = (t) => t >= THROTTLED[0] && t < THROTTLED[1];
function wallStep(t) {
  return JUMPS.filter((jump) => t >= jump.at).reduce(
    (sum, jump) => sum + jump.step,
    0
  );
}
const wallClock = (t) =>
  Math.floor(t * (1 + DRIFT) - SERVER_AHEAD + wallStep(t)) + 1.7e12;
const monotonicClock = (t) => t - Math.max(0, Math.min(t, SLEEP[1]) - SLEEP[0]);

// Events in true time: ticks, sample answers, state deliveries.
const queue = [];
function schedule(at, kind, data = null) {
  queue.push({ at, kind, data });
  queue.sort((a, b) => a.at - b.at);
}

let offsetState = EMPTY_OFFSET_STATE;
let watch = { lastGapMs: null };
let clientJson = serverJson(0);
let blank = true;
let lastSampleAt = -Infinity;
let sampleInFlight = false;

const stats = {
  renders: 0,
  shown: 0,
  blankRenders: 0,
  maxError: 0,
  wrong: 0,
  maxOffsetError: 0,
};
const recoveries = [];
let pendingRecovery = null;

function sendSample(t) {
  if (sampleInFlight) {
    return;
  }
  sampleInFlight = true;
  lastSampleAt = t;
  const up = 10 + exponential(40);
  const down = 10 + exponential(40);
  schedule(t + up + down, "answer", {
    clientSentMs: wallClock(t),
    serverMs: Math.floor(t + up),
  });
}

// Every render first looks at the wall clock (checkWallClock), as the display loop does.
function render(t, reason) {
  const check = checkWallClock(watch, wallClock(t), monotonicClock(t));
  watch = check.watch;
  if (check.stepMs < 0) {
    offsetState = shiftForWallClockStep(offsetState, check.stepMs);
  } else if (check.stepMs > 0) {
    blank = true;
    sendSample(t);
  }
  stats.renders++;
  if (blank) {
    stats.blankRenders++;
    return;
  }
  const offset = estimateOffset(offsetState);
  const reading = readSessionClock(
    clientJson,
    serverNowMs(wallClock(t), offset)
  );
  const error = Math.abs(reading.remainingSeconds - trueRemainingSeconds(t));
  const offsetError = Math.abs(serverNowMs(wallClock(t), offset) - t);
  stats.shown++;
  stats.maxError = Math.max(stats.maxError, error);
  stats.maxOffsetError = Math.max(stats.maxOffsetError, offsetError);
  if (error > 0) {
    stats.wrong++;
  }
  if (pendingRecovery) {
    pendingRecovery.firstShown = { at: t, error, reason };
    recoveries.push(pendingRecovery);
    pendingRecovery = null;
  }
}

function nextTickDelay(t) {
  if (throttled(t)) {
    return S + random() * 59 * S;
  }
  const offset = estimateOffset(offsetState) ?? 0;
  const delay =
    msUntilNextTick(clientJson, serverNowMs(wallClock(t), offset)) ?? S;
  return delay + random() * 30;
}

schedule(0, "tick");
sendSample(0);
for (const at of [START, ...PAUSE, EXTEND_AT]) {
  schedule(at + BUS_DELAY, "deliver");
}
schedule(SLEEP[1], "wake");
for (const jump of JUMPS) {
  schedule(
    jump.at,
    "disruption",
    `wall clock ${jump.step > 0 ? "+" : ""}${jump.step / MIN} min`
  );
}

while (queue.length > 0) {
  const event = queue.shift();
  const t = event.at;
  if (t > DURATION) {
    break;
  }
  if (laptopClosed(t)) {
    continue;
  }
  switch (event.kind) {
    case "deliver":
      clientJson = serverJson(t);
      render(t, "state change");
      break;
    case "wake":
      // On wake the client re-reads the session state and its display loop runs at once.
      clientJson = serverJson(t);
      pendingRecovery = { event: "wake after 10 min sleep", at: t };
      schedule(t, "tick");
      break;
    case "disruption":
      pendingRecovery = { event: event.data, at: t };
      break;
    case "answer": {
      sampleInFlight = false;
      const before = offsetState.restarts;
      offsetState = addOffsetSample(offsetState, {
        ...event.data,
        clientReceivedMs: wallClock(t),
      });
      if (blank && offsetState.samples.length > 0) {
        blank = false;
        render(
          t,
          offsetState.restarts > before ? "resync (restarted)" : "resync"
        );
      }
      break;
    }
    case "tick": {
      render(t, "tick");
      if (t - lastSampleAt >= SAMPLE_EVERY) {
        sendSample(t);
      }
      schedule(t + nextTickDelay(t), "tick");
      break;
    }
  }
}

const seconds = (ms) => (ms / S).toFixed(3);
console.log("Session timer bench: 60 simulated minutes, one client");
console.log(
  `renders: ${stats.renders} (digits shown ${stats.shown}, blank while resyncing ${stats.blankRenders})`
);
console.log(
  `maximum error of the displayed remaining time: ${stats.maxError} s`
);
console.log(`renders showing a wrong second: ${stats.wrong}`);
console.log(
  `maximum error of the estimated server time: ${Math.round(stats.maxOffsetError)} ms`
);
console.log(
  `clock-offset restarts (client clock jumps detected by sampling): ${offsetState.restarts}`
);
let allRecovered = true;
for (const recovery of recoveries) {
  const shown = recovery.firstShown;
  const within = shown.at - recovery.at < S && shown.error === 0;
  allRecovered &&= within;
  console.log(
    `  ${recovery.event} at ${seconds(recovery.at)} s: first digits ${seconds(shown.at - recovery.at)} s later (${shown.reason}), error ${shown.error} s`
  );
}
console.log(
  `correct again within one tick after wake-up: ${allRecovered ? "yes" : "no"}`
);
process.exitCode = stats.maxError === 0 && allRecovered ? 0 : 1;
