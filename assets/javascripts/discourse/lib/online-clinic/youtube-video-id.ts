// The YouTube video a link names, so the screen can play it through the IFrame Player API
// instead of framing youtube.com. Only YouTube's own hosts and link forms are read; anything
// else is not a YouTube link (it may still be shown as a page). Pure.

// YouTube's ids are 11 characters of the URL-safe base64 alphabet.
const VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;
const WATCH_HOSTS = new Set([
  "youtube.com",
  "www.youtube.com",
  "m.youtube.com",
  "music.youtube.com",
  "youtube-nocookie.com",
  "www.youtube-nocookie.com",
]);
const PATH_FORMS = ["embed", "shorts", "live", "v"];

export function isYouTubeVideoId(value: unknown): value is string {
  return typeof value === "string" && VIDEO_ID.test(value);
}

function parse(input: string): URL | null {
  const trimmed = input.trim();
  // "youtu.be/abc" typed without a scheme is still plainly a YouTube link.
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed)
    ? trimmed
    : `https://${trimmed}`;
  try {
    const url = new URL(withScheme);
    return url.protocol === "https:" || url.protocol === "http:" ? url : null;
  } catch {
    return null;
  }
}

/** The video id of a YouTube link, or null when the input is not one. */
export function youTubeVideoId(input: string): string | null {
  const url = parse(input);
  if (!url || url.username || url.password) {
    return null;
  }
  const host = url.hostname.toLowerCase();
  const segments = url.pathname.split("/").filter((s) => s !== "");
  let id: string | null = null;
  if (host === "youtu.be") {
    id = segments.length === 1 ? segments[0] : null;
  } else if (WATCH_HOSTS.has(host)) {
    if (segments.length === 1 && segments[0] === "watch") {
      id = url.searchParams.get("v");
    } else if (segments.length === 2 && PATH_FORMS.includes(segments[0])) {
      id = segments[1];
    }
  }
  return isYouTubeVideoId(id) ? id : null;
}
