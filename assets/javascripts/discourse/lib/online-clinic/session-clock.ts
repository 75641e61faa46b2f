// The session clock as the browser shows it, computed from the server's facts and the server's
// current time (the client's clock plus a measured offset, see clock-offset.ts). It never counts
// ticks: any tick, however late, shows the true time. The server's OnlineClinic::SessionState
// computes the same numbers; both are checked against
// test/fixtures/online-clinic/session-time-vectors.json.

export type SessionStateName = "scheduled" | "running" | "paused" | "ended";

export type SessionNotice = "none" | "five_minutes" | "ended";

// What the server sends for one session (SessionState#clock_json; docs/sessions.md).
// Instants are milliseconds since the epoch on the server's clock.
export interface SessionClockJson {
  state: SessionStateName;
  planned_seconds: number;
  started_at_ms: number | null;
  // Pauses that have ended; an open pause is paused_since_ms.
  paused_total_ms: number;
  paused_since_ms: number | null;
  extensions_seconds: number;
  ended_at_ms: number | null;
}

export interface SessionClockReading {
  state: SessionStateName;
  elapsedSeconds: number;
  // Negative in overtime.
  remainingSeconds: number;
  overtime: boolean;
  notice: SessionNotice;
  // "mm:ss" or "h:mm:ss" of the remaining time, or of the overtime; ASCII digits in every
  // locale (the UI puts the translated words around it).
  text: string;
}

const NOTICE_BEFORE_END_MS = 5 * 60 * 1000;

export function lengthMs(session: SessionClockJson): number {
  return (session.planned_seconds + session.extensions_seconds) * 1000;
}

export function elapsedMs(
  session: SessionClockJson,
  serverNowMs: number
): number {
  if (session.state === "scheduled" || session.started_at_ms === null) {
    return 0;
  }
  const until = session.ended_at_ms ?? Math.floor(serverNowMs);
  const openPause =
    session.paused_since_ms === null
      ? 0
      : Math.max(until - session.paused_since_ms, 0);
  return Math.max(
    until - session.started_at_ms - session.paused_total_ms - openPause,
    0
  );
}

export function remainingMs(
  session: SessionClockJson,
  serverNowMs: number
): number {
  return lengthMs(session) - elapsedMs(session, serverNowMs);
}

export function readSessionClock(
  session: SessionClockJson,
  serverNowMs: number
): SessionClockReading {
  const elapsed = elapsedMs(session, serverNowMs);
  const remaining = lengthMs(session) - elapsed;
  // Remaining rounds up so that a fresh session shows its whole length and 00:00 appears exactly
  // at the end; "+ 0" turns Math.ceil's -0 into 0.
  const remainingSeconds = Math.ceil(remaining / 1000) + 0;
  return {
    state: session.state,
    elapsedSeconds: Math.floor(elapsed / 1000),
    remainingSeconds,
    overtime: remainingSeconds < 0,
    notice: noticeFor(session.state, remaining),
    text: clockText(remainingSeconds),
  };
}

function noticeFor(state: SessionStateName, remaining: number): SessionNotice {
  if (state === "scheduled") {
    return "none";
  }
  if (state === "ended" || remaining <= 0) {
    return "ended";
  }
  return remaining <= NOTICE_BEFORE_END_MS ? "five_minutes" : "none";
}

export function clockText(seconds: number): string {
  const total = Math.abs(seconds);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const secs = total % 60;
  const mmss = `${twoDigits(minutes)}:${twoDigits(secs)}`;
  return hours === 0 ? mmss : `${hours}:${mmss}`;
}

function twoDigits(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}

// How long the display may wait before the shown second changes, aiming at the middle of the
// next second so that an offset error below half a second never shows a wrong digit. null when
// the clock does not move (scheduled, paused, ended): re-render on the next state change instead.
export function msUntilNextTick(
  session: SessionClockJson,
  serverNowMs: number
): number | null {
  if (session.state !== "running") {
    return null;
  }
  const phase =
    (((remainingMs(session, serverNowMs) - 500) % 1000) + 1000) % 1000;
  return phase === 0 ? 1000 : phase;
}
