// Our own types for the part of the YouTube IFrame Player API the shared screen uses. Source,
// read for this file: developers.google.com/youtube/iframe_api_reference ("Loading a video
// player", "Playback controls and player settings", "Events", "Playback status"). The API is
// the global `YT` that https://www.youtube.com/iframe_api defines; it calls the global
// `onYouTubeIframeAPIReady` once `YT.Player` may be used.

// getPlayerState() / onStateChange data ("Playback status").
export const YT_STATE = {
  unstarted: -1,
  ended: 0,
  playing: 1,
  paused: 2,
  buffering: 3,
  cued: 5,
} as const;

export interface YouTubePlayerEvent {
  target: YouTubePlayer;
}

export interface YouTubeStateEvent extends YouTubePlayerEvent {
  data: number;
}

export interface YouTubeRateEvent extends YouTubePlayerEvent {
  data: number;
}

export interface YouTubePlayerEvents {
  onReady?: (event: YouTubePlayerEvent) => void;
  onStateChange?: (event: YouTubeStateEvent) => void;
  onPlaybackRateChange?: (event: YouTubeRateEvent) => void;
  // "fired any time the browser blocks autoplay or scripted video playback features".
  onAutoplayBlocked?: (event: YouTubePlayerEvent) => void;
  onError?: (event: YouTubeStateEvent) => void;
}

export interface YouTubePlayerOptions {
  events?: YouTubePlayerEvents;
}

export interface YouTubePlayer {
  playVideo(): void;
  pauseVideo(): void;
  seekTo(seconds: number, allowSeekAhead: boolean): void;
  getCurrentTime(): number;
  getPlayerState(): number;
  getPlaybackRate(): number;
  setPlaybackRate(suggestedRate: number): void;
  destroy(): void;
}

// `new YT.Player(elementOrId, options)`: given an existing <iframe> with `enablejsapi=1`
// ("Requirements" / "Loading a video player"), the API attaches to it instead of building one.
export type YouTubePlayerConstructor = new (
  element: HTMLIFrameElement,
  options: YouTubePlayerOptions
) => YouTubePlayer;

export interface YouTubeNamespace {
  Player: YouTubePlayerConstructor;
  // 1 once the API is ready (set by the API script before it calls onYouTubeIframeAPIReady).
  loaded?: number;
}
