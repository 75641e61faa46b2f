// What the session timer shows, from the server's clock JSON and the server's current time
// (session-clock.ts), and the small rules the session screens share. No Ember, no Discourse.
import {
  clockText,
  readSessionClock,
  type SessionClockJson,
  type SessionNotice,
} from "./session-clock";

export type TimerState =
  | "scheduled"
  | "running"
  | "paused"
  | "ended"
  | "overtime";

export interface TimerDisplay {
  state: TimerState;
  // "mm:ss" of what is left, of the overtime, or of the whole session once ended; null when the
  // display cannot vouch for its digits (running, but the server's time is not known).
  digits: string | null;
  notice: SessionNotice;
}

// The instant to read a session at. Only a running session needs the server's time; the
// others stand still, so any instant on their own record reads them right.
function readingInstant(
  session: SessionClockJson,
  serverNowMs: number | null
): number | null {
  switch (session.state) {
    case "running":
      return serverNowMs;
    case "paused":
      return session.paused_since_ms ?? serverNowMs;
    case "ended":
      return session.ended_at_ms ?? serverNowMs;
    default:
      return 0;
  }
}

export function timerDisplay(
  session: SessionClockJson,
  serverNowMs: number | null
): TimerDisplay {
  const at = readingInstant(session, serverNowMs);
  if (at === null) {
    return { state: "running", digits: null, notice: "none" };
  }
  const reading = readSessionClock(session, at);
  if (reading.state === "ended") {
    return {
      state: "ended",
      digits: clockText(reading.elapsedSeconds),
      notice: "ended",
    };
  }
  if (reading.state === "running" && reading.overtime) {
    return { state: "overtime", digits: reading.text, notice: reading.notice };
  }
  return { state: reading.state, digits: reading.text, notice: reading.notice };
}

// "YYYY-MM-DDTHH:MM" for the schedule endpoint, from a date input and a time input.
export function localStart(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) {
    return null;
  }
  return `${date}T${time}`;
}

export const MIN_SESSION_MINUTES = 10;
export const MAX_SESSION_MINUTES = 180;

// A whole number of minutes within the contract's range, or null.
export function sessionMinutes(value: string | number): number | null {
  const minutes = typeof value === "number" ? value : Number(value.trim());
  if (
    !Number.isInteger(minutes) ||
    minutes < MIN_SESSION_MINUTES ||
    minutes > MAX_SESSION_MINUTES
  ) {
    return null;
  }
  return minutes;
}

// An appointment as the viewer reads it: in their own time zone and language, with the zone
// named so that nobody mistakes whose 18:00 it is.
export function appointmentTime(
  iso: string,
  timeZone: string,
  locale: string
): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone,
    weekday: "long",
    day: "numeric",
    month: "long",
    hour: "2-digit",
    minute: "2-digit",
    timeZoneName: "short",
  }).format(new Date(iso));
}

export function validTimeZone(zone: string | null | undefined): boolean {
  if (!zone) {
    return false;
  }
  try {
    return (
      new Intl.DateTimeFormat("en", { timeZone: zone }).resolvedOptions()
        .timeZone !== ""
    );
  } catch {
    return false;
  }
}

// The viewer's zone: their Discourse preference (user_option.timezone), else the browser's.
export function viewerTimeZone(preferred: string | null | undefined): string {
  if (validTimeZone(preferred)) {
    return preferred as string;
  }
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

// Whole minutes of a duration in seconds, rounded to the nearest minute.
export function roundedMinutes(seconds: number): number {
  return Math.round(Math.max(seconds, 0) / 60);
}
