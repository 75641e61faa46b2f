// One shape for the two players the shared screen drives, so the drift controller
// (video-drift.ts) and the leader's publishing read and steer both alike: an HTML <video>
// (uploaded video or audio) and a YouTube IFrame player. No Ember here; tested with fakes.
import type {
  PlayerReading,
  VideoCorrection,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/video-drift";
import {
  type YouTubePlayer,
  YT_STATE,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/youtube-api";

export type PlayOutcome = "playing" | "blocked";

export interface ScreenPlayer {
  /** false for players that only take a few fixed rates (YouTube). */
  readonly canNudgeRate: boolean;
  read(): PlayerReading;
  rate(): number;
  /** "blocked" when the browser refused to start without the member's own click. */
  play(): Promise<PlayOutcome>;
  pause(): void;
  seek(seconds: number): void;
  setRate(rate: number): void;
}

// The part of HTMLMediaElement the adapter uses, so tests can hand in a plain object.
export interface MediaElementLike {
  currentTime: number;
  paused: boolean;
  ended: boolean;
  seeking: boolean;
  playbackRate: number;
  play(): Promise<void> | undefined;
  pause(): void;
}

export class MediaElementPlayer implements ScreenPlayer {
  readonly canNudgeRate = true;

  constructor(private readonly element: MediaElementLike) {}

  read(): PlayerReading {
    const e = this.element;
    return {
      position: e.currentTime,
      playing: !e.paused && !e.ended,
      seeking: e.seeking,
    };
  }

  rate(): number {
    return this.element.playbackRate;
  }

  async play(): Promise<PlayOutcome> {
    try {
      await this.element.play();
      return "playing";
    } catch (error) {
      // Autoplay refused ("NotAllowedError"); anything else (no source yet) is retried by
      // the next correction.
      return error instanceof DOMException && error.name === "NotAllowedError"
        ? "blocked"
        : "playing";
    }
  }

  pause(): void {
    this.element.pause();
  }

  seek(seconds: number): void {
    this.element.currentTime = seconds;
  }

  setRate(rate: number): void {
    this.element.playbackRate = rate;
  }
}

export class YouTubeScreenPlayer implements ScreenPlayer {
  readonly canNudgeRate = false;
  #blocked = false;

  constructor(private readonly player: YouTubePlayer) {}

  /** The API's onAutoplayBlocked event. */
  autoplayBlocked(): void {
    this.#blocked = true;
  }

  read(): PlayerReading {
    const state = this.player.getPlayerState();
    return {
      position: this.player.getCurrentTime(),
      // Buffering is on the way to playing: counting it as paused would pause the leader.
      playing: state === YT_STATE.playing || state === YT_STATE.buffering,
      seeking: state === YT_STATE.buffering,
    };
  }

  rate(): number {
    return this.player.getPlaybackRate();
  }

  play(): Promise<PlayOutcome> {
    this.#blocked = false;
    this.player.playVideo();
    return Promise.resolve(this.#blocked ? "blocked" : "playing");
  }

  pause(): void {
    this.player.pauseVideo();
  }

  seek(seconds: number): void {
    this.player.seekTo(seconds, true);
  }

  setRate(rate: number): void {
    this.player.setPlaybackRate(rate);
  }
}

const RATE_EPSILON = 0.001;

/** Carries out what the drift controller decided; resolves "blocked" if play was refused. */
export async function applyCorrection(
  player: ScreenPlayer,
  correction: VideoCorrection
): Promise<PlayOutcome> {
  const reading = player.read();
  if (correction.seekTo !== null) {
    player.seek(correction.seekTo);
  }
  if (Math.abs(player.rate() - correction.playbackRate) > RATE_EPSILON) {
    player.setRate(correction.playbackRate);
  }
  if (correction.playing && !reading.playing) {
    return player.play();
  }
  if (!correction.playing && reading.playing) {
    player.pause();
  }
  return "playing";
}
