// Keeps a follower's video on the leader's: small drift is taken up by playing slightly
// faster or slower, large drift by a seek. Thresholds and why: docs/screen.md.
import type { LeaderVideo } from "./screen-sync";

/** Below this the follower plays at the leader's rate: the player's own reports jitter this much. */
export const DEADBAND_SECONDS = 0.04;
/** Speed change per second of drift while nudging. */
export const NUDGE_GAIN = 1;
/** At most 10 % faster or slower: hardly noticeable, as the browser keeps the pitch. */
export const MAX_NUDGE = 0.1;
/** Beyond this, playing faster would take too long: seek. */
export const SEEK_THRESHOLD_SECONDS = 1;
/** Players that only know a few fixed rates (YouTube) cannot nudge and seek sooner. */
export const SEEK_THRESHOLD_WITHOUT_NUDGE_SECONDS = 0.25;
/** While paused a seek costs nothing visible, so the frames are matched closely. */
export const PAUSED_TOLERANCE_SECONDS = 0.1;
/** A seek settles before the next one is considered. */
export const SEEK_COOLDOWN_MS = 1500;
/** First guess of how far the leader moves on while our seek loads; learnt afterwards. */
export const INITIAL_SEEK_AHEAD_SECONDS = 0.2;
/** The leader republishes when its own player strayed this far from what it published. */
export const REPUBLISH_THRESHOLD_SECONDS = 0.1;

export interface PlayerReading {
  position: number;
  playing: boolean;
  seeking: boolean;
}

export interface VideoCorrection {
  kind: "none" | "nudge" | "seek";
  /** The play state to be in (the leader's). */
  playing: boolean;
  /** The playbackRate to set. */
  playbackRate: number;
  /** Seconds to seek to, or null. */
  seekTo: number | null;
  /** Follower minus leader, in seconds (positive: ahead). */
  drift: number;
}

export interface DriftOptions {
  /** false for players that cannot take arbitrary playback rates. */
  canNudgeRate: boolean;
}

export function expectedPosition(
  leader: LeaderVideo,
  serverNowMs: number
): number {
  if (!leader.playing) {
    return leader.position;
  }
  return Math.max(
    0,
    leader.position + ((serverNowMs - leader.at_ms) / 1000) * leader.rate
  );
}

/** For the leader's browser: has its own player left the timeline it published? */
export function leaderNeedsRepublish(
  published: LeaderVideo,
  serverNowMs: number,
  player: PlayerReading
): boolean {
  if (published.playing !== player.playing) {
    return true;
  }
  const drift = player.position - expectedPosition(published, serverNowMs);
  return Math.abs(drift) > REPUBLISH_THRESHOLD_SECONDS;
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value));
}

export class VideoDriftController {
  private readonly options: DriftOptions;
  private lastSeekAtMs = -Infinity;
  private seekAhead = INITIAL_SEEK_AHEAD_SECONDS;
  private awaitingLanding = false;

  constructor(options: DriftOptions = { canNudgeRate: true }) {
    this.options = options;
  }

  /** localNowMs is the local clock, for the cooldown; serverNowMs the estimated server clock. */
  decide(
    leader: LeaderVideo,
    serverNowMs: number,
    player: PlayerReading,
    localNowMs: number
  ): VideoCorrection {
    const expected = expectedPosition(leader, serverNowMs);
    const drift = player.position - expected;
    const keep: VideoCorrection = {
      kind: "none",
      playing: leader.playing,
      playbackRate: leader.rate,
      seekTo: null,
      drift,
    };
    const settling =
      player.seeking || localNowMs - this.lastSeekAtMs < SEEK_COOLDOWN_MS;

    if (!leader.playing) {
      if (Math.abs(drift) > PAUSED_TOLERANCE_SECONDS && !player.seeking) {
        return this.seek(keep, expected, localNowMs, false);
      }
      return keep;
    }
    if (settling) {
      return keep;
    }
    this.learnFromLanding(drift, player.playing);

    const seekThreshold = this.options.canNudgeRate
      ? SEEK_THRESHOLD_SECONDS
      : SEEK_THRESHOLD_WITHOUT_NUDGE_SECONDS;
    if (Math.abs(drift) >= seekThreshold) {
      return this.seek(
        keep,
        expected + this.seekAhead * leader.rate,
        localNowMs,
        true
      );
    }
    if (!this.options.canNudgeRate || Math.abs(drift) < DEADBAND_SECONDS) {
      return keep;
    }
    const nudge = clamp(drift * NUDGE_GAIN, -MAX_NUDGE, MAX_NUDGE);
    return { ...keep, kind: "nudge", playbackRate: leader.rate * (1 - nudge) };
  }

  // Where the last seek landed tells how long seeks take on this machine and connection.
  private learnFromLanding(drift: number, playing: boolean): void {
    if (!this.awaitingLanding || !playing) {
      return;
    }
    this.awaitingLanding = false;
    this.seekAhead = clamp(this.seekAhead - drift / 2, 0, 1);
  }

  private seek(
    keep: VideoCorrection,
    target: number,
    localNowMs: number,
    playing: boolean
  ): VideoCorrection {
    this.lastSeekAtMs = localNowMs;
    this.awaitingLanding = playing;
    return { ...keep, kind: "seek", seekTo: Math.max(0, target) };
  }
}
