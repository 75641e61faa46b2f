// How a member's browser follows the shared screen: apply the server's states in sequence
// order, ignore stale or repeated ones, step out to browse alone and back in.
// docs/screen.md describes the state the server publishes.

export type ScreenItem =
  | { kind: "page"; url: string }
  | { kind: "document"; document_id: number }
  | { kind: "youtube"; video_id: string }
  | { kind: "video"; document_id: number };

export interface LeaderVideo {
  playing: boolean;
  /** Seconds into the video at `at_ms` (server clock). */
  position: number;
  rate: number;
  at_ms: number;
}

export interface ServerScreenState {
  seq: number;
  server_time_ms: number | null;
  leader_id: number | null;
  lead_expires_at_ms: number | null;
  locked: boolean;
  item: ScreenItem | null;
  /** position: 0..1 through the document (see scroll-coalescer.ts); page: the PDF page. */
  reading: { position: number; page: number | null };
  video: LeaderVideo | null;
}

export interface FollowerState {
  /** The newest state the server has sent, whether or not this member follows it. */
  latest: ServerScreenState | null;
  steppedOut: boolean;
}

export type FollowerEvent =
  | { type: "server_state"; state: ServerScreenState }
  | { type: "step_out" }
  | { type: "step_in" };

export type ScreenRole = "leading" | "following" | "browsing_alone" | "idle";

export const INITIAL_FOLLOWER: FollowerState = {
  latest: null,
  steppedOut: false,
};

// A lower number from a later server time means the server started counting again (its
// stored state was lost); anything else lower or equal is an old or repeated message.
function isNewer(
  incoming: ServerScreenState,
  latest: ServerScreenState | null
): boolean {
  if (!latest) {
    return true;
  }
  if (incoming.seq > latest.seq) {
    return true;
  }
  return (
    incoming.seq < latest.seq &&
    incoming.server_time_ms !== null &&
    latest.server_time_ms !== null &&
    incoming.server_time_ms > latest.server_time_ms
  );
}

/** Returns the same object when nothing changes, so the screen does not redraw. */
export function reduceFollower(
  current: FollowerState,
  event: FollowerEvent
): FollowerState {
  switch (event.type) {
    case "server_state":
      return isNewer(event.state, current.latest)
        ? { ...current, latest: event.state }
        : current;
    case "step_out":
      return current.steppedOut ? current : { ...current, steppedOut: true };
    case "step_in":
      return current.steppedOut ? { ...current, steppedOut: false } : current;
  }
}

/** What this member's screen shows from the server: nothing while they browse alone. */
export function followedState(
  follower: FollowerState
): ServerScreenState | null {
  return follower.steppedOut ? null : follower.latest;
}

export function leadHolder(
  state: ServerScreenState,
  serverNowMs: number
): number | null {
  if (state.leader_id === null) {
    return null;
  }
  const expiresAt = state.lead_expires_at_ms;
  return expiresAt !== null && serverNowMs >= expiresAt
    ? null
    : state.leader_id;
}

export function screenRole(
  follower: FollowerState,
  selfId: number,
  serverNowMs: number
): ScreenRole {
  const holder = follower.latest
    ? leadHolder(follower.latest, serverNowMs)
    : null;
  if (holder === selfId) {
    return "leading";
  }
  if (follower.steppedOut) {
    return "browsing_alone";
  }
  return holder === null ? "idle" : "following";
}

export function mayTakeLead(
  state: ServerScreenState | null,
  isTherapist: boolean
): boolean {
  return !state || !state.locked || isTherapist;
}

export interface ClockSample {
  /** Local clock when the request left. */
  sentAtMs: number;
  /** The server's clock in its answer. */
  serverTimeMs: number;
  /** Local clock when the answer came back. */
  receivedAtMs: number;
}

/**
 * Server clock minus local clock, from round trips (as NTP does): the sample with the
 * shortest round trip has the least room for error, at most half its round trip.
 */
export function estimateClockOffset(
  samples: readonly ClockSample[]
): number | null {
  let best: ClockSample | null = null;
  for (const sample of samples) {
    const roundTrip = sample.receivedAtMs - sample.sentAtMs;
    if (roundTrip < 0) {
      continue;
    }
    if (!best || roundTrip < best.receivedAtMs - best.sentAtMs) {
      best = sample;
    }
  }
  if (!best) {
    return null;
  }
  return best.serverTimeMs - (best.sentAtMs + best.receivedAtMs) / 2;
}
