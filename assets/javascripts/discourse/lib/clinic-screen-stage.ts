// What the shared screen shows for one item, built as DOM elements that outlive re-renders
// (an iframe or a player must not be rebuilt whenever a control changes; the dock's Jitsi
// frame is handled the same way). The panel renders `element` and reads the tracked fields.
// User-provided text is only ever set as textContent.
import { tracked } from "@glimmer/tracking";
import {
  safeUrl,
  uploadExtension,
  uploadKind,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/folder-item-kind";
import {
  MediaElementPlayer,
  type ScreenPlayer,
  YouTubeScreenPlayer,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-players";
import {
  readingPosition,
  scrollTopFor,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/scroll-coalescer";
import type { YouTubeNamespace } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/youtube-api";
import type {
  LinkPreview,
  ScreenItemJson,
  ScreenUpload,
} from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-screen-api";

export interface Reading {
  position: number;
  page: number | null;
}

// What a stage asks of the screen service.
export interface ScreenStageHost {
  isLeading(): boolean;
  followedReading(): Reading | null;
  localScroll(position: number): void;
  localPage(page: number): void;
  attachPlayer(player: ScreenPlayer | null): void;
  leaderVideoChanged(): void;
  autoplayBlocked(): void;
  fetchText(url: string): Promise<string>;
  previewLink(url: string): Promise<LinkPreview>;
  loadYouTube(): Promise<YouTubeNamespace>;
}

export type StageKind =
  | "page"
  | "image"
  | "text"
  | "pdf"
  | "youtube"
  | "media"
  | "unsupported";

export interface ScreenStage {
  readonly key: string;
  readonly kind: StageKind;
  readonly element: HTMLElement | null;
  applyReading(reading: Reading): void;
  dispose(): void;
}

// A framed third-party page gets only what pages commonly need to work:
// - allow-scripts: nearly every page needs its scripts;
// - allow-same-origin: lets the page keep its own origin (its cookies and storage); it gives
//   nothing of ours, because the page is on another origin. A page of our own origin does
//   not get it, since scripts plus same-origin could lift the sandbox (see pageSandbox);
// - allow-forms: a search box on the page;
// - allow-popups, allow-popups-to-escape-sandbox: its links that open a new tab work, as
//   ordinary tabs.
// Left out on purpose: allow-top-navigation* (the page may not navigate the forum away),
// allow-modals, allow-downloads, allow-pointer-lock, allow-presentation, and no `allow`
// delegation (camera, microphone, geolocation stay with the forum).
export const PAGE_SANDBOX =
  "allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox";
// YouTube's player needs scripts and its own origin; presentation for casting and popups
// for "watch on YouTube".
export const YOUTUBE_SANDBOX =
  "allow-scripts allow-same-origin allow-presentation allow-popups allow-popups-to-escape-sandbox";

export function pageSandbox(url: string, ownOrigin: string): string {
  let sameOrigin = false;
  try {
    sameOrigin = new URL(url).origin === ownOrigin;
  } catch {
    sameOrigin = false;
  }
  return sameOrigin
    ? PAGE_SANDBOX.replace("allow-same-origin ", "")
    : PAGE_SANDBOX;
}

const TEXT_EXTENSIONS = new Set(["txt", "md", "markdown", "text"]);
// Of the images and videos a folder lists, the ones a browser can show (not HEIC, TIFF, SVG
// as a document, MKV or AVI).
const SHOWN_IMAGE_EXTENSIONS = new Set([
  "jpg",
  "jpeg",
  "png",
  "gif",
  "webp",
  "avif",
  "bmp",
]);
const UNPLAYABLE_EXTENSIONS = new Set(["mkv", "avi"]);

/** How a document upload is shown on the screen (its kind as the folders tell it). */
export function documentStageKind(upload: ScreenUpload): StageKind {
  const extension = uploadExtension(upload);
  switch (uploadKind(upload)) {
    case "pdf":
      return "pdf";
    case "image":
      return SHOWN_IMAGE_EXTENSIONS.has(extension) ? "image" : "unsupported";
    case "audio":
    case "video":
      return UNPLAYABLE_EXTENSIONS.has(extension) ? "unsupported" : "media";
    default:
      return TEXT_EXTENSIONS.has(extension) ? "text" : "unsupported";
  }
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  el.className = className;
  return el;
}

// A page: its link card first (is it framable?), then a sandboxed iframe unless it refuses.
export class PageStage implements ScreenStage {
  @tracked card: LinkPreview | null = null;
  // undefined while the card is being asked for.
  @tracked frameable: boolean | null | undefined = undefined;
  @tracked element: HTMLElement | null = null;
  readonly kind = "page";

  #disposed = false;

  constructor(
    readonly key: string,
    readonly url: string,
    host: ScreenStageHost
  ) {
    host.previewLink(url).then(
      (card) => this.#settle(card, card.frameable),
      () => this.#settle(null, null)
    );
  }

  #settle(card: LinkPreview | null, frameable: boolean | null): void {
    if (this.#disposed) {
      return;
    }
    this.card = card;
    this.frameable = frameable;
    if (frameable !== false) {
      const iframe = element("iframe", "clinic-screen__page-frame");
      iframe.setAttribute("sandbox", pageSandbox(this.url, location.origin));
      // At most the forum's origin as referrer, never the clinic's address.
      iframe.setAttribute("referrerpolicy", "strict-origin");
      iframe.setAttribute("title", card?.title ?? this.url);
      iframe.src = this.url;
      this.element = iframe;
    }
  }

  applyReading(): void {
    // A third-party page's scrolling cannot be read or set from the forum.
  }

  // The elements are Glimmer's to take out of the page; disposing only stops their work.
  dispose(): void {
    this.#disposed = true;
  }
}

// An image or a text in our own scroll container, so the reading position is ours to read
// and set (relative to the document: scroll-coalescer.ts).
export class ScrollStage implements ScreenStage {
  @tracked failed = false;
  readonly element: HTMLElement;

  #pending: Reading | null = null;
  #ready = false;

  constructor(
    readonly key: string,
    readonly kind: "image" | "text",
    upload: ScreenUpload,
    private readonly host: ScreenStageHost
  ) {
    const scroll = element(
      "div",
      `clinic-screen__scroll clinic-screen__${kind}`
    );
    // Focusable so that the keyboard scrolls it; named after the document it holds.
    scroll.tabIndex = 0;
    scroll.setAttribute("role", "region");
    scroll.setAttribute("aria-label", upload.original_filename);
    scroll.addEventListener("scroll", () => {
      if (this.#ready) {
        this.host.localScroll(
          readingPosition({
            scrollTop: scroll.scrollTop,
            scrollHeight: scroll.scrollHeight,
            clientHeight: scroll.clientHeight,
          })
        );
      }
    });
    this.element = scroll;
    const src = safeUrl(
      kind === "text" ? (upload.inline_url ?? upload.url) : upload.url
    );
    if (!src) {
      this.failed = true;
    } else if (kind === "image") {
      const img = element("img", "clinic-screen__image-content");
      img.alt = upload.original_filename;
      img.addEventListener("load", () => this.#contentReady());
      img.addEventListener("error", () => (this.failed = true));
      img.src = src;
      scroll.appendChild(img);
    } else {
      const pre = element("pre", "clinic-screen__text-content");
      // A text keeps its own direction whatever the page's (an English text in Hebrew).
      pre.dir = "auto";
      scroll.appendChild(pre);
      host.fetchText(src).then(
        (text) => {
          pre.textContent = text;
          this.#contentReady();
        },
        () => (this.failed = true)
      );
    }
  }

  #contentReady(): void {
    this.#ready = true;
    const reading = this.#pending ?? this.host.followedReading();
    if (reading) {
      this.applyReading(reading);
    }
  }

  applyReading(reading: Reading): void {
    if (!this.#ready) {
      this.#pending = reading;
      return;
    }
    const scroll = this.element;
    scroll.scrollTop = scrollTopFor(
      reading.position,
      scroll.scrollHeight,
      scroll.clientHeight
    );
  }

  dispose(): void {}
}

// A PDF in the browser's own viewer, opened at a page with `#page=N` (Chromium, Firefox and
// Safari read it on load; a fragment change alone is not reliably followed, so a new page
// loads a new frame). Not sandboxed: Chromium's viewer refuses to run in a sandboxed frame,
// and the file is this clinic's own upload from the forum, not a third-party page.
export class PdfStage implements ScreenStage {
  @tracked element: HTMLElement;
  @tracked page: number;
  readonly kind = "pdf";

  constructor(
    readonly key: string,
    private readonly src: string,
    private readonly title: string,
    private readonly host: ScreenStageHost
  ) {
    this.page = host.followedReading()?.page ?? 1;
    this.element = this.#frame();
  }

  #frame(): HTMLIFrameElement {
    const iframe = element("iframe", "clinic-screen__pdf-frame");
    iframe.setAttribute("referrerpolicy", "strict-origin");
    iframe.setAttribute("title", this.title);
    iframe.src = `${this.src}#page=${this.page}`;
    return iframe;
  }

  goTo(page: number): void {
    const next = Math.max(1, Math.round(page));
    if (next === this.page) {
      return;
    }
    this.page = next;
    this.element = this.#frame();
    this.host.localPage(next);
  }

  applyReading(reading: Reading): void {
    if (reading.page !== null && reading.page !== this.page) {
      this.page = Math.max(1, reading.page);
      this.element = this.#frame();
    }
  }

  dispose(): void {}
}

// An uploaded video or audio file in a <video> element (it plays audio too).
export class MediaStage implements ScreenStage {
  readonly kind = "media";
  readonly element: HTMLVideoElement;

  // The pause() of dispose fires "pause" later: it must not reach the next item's player.
  #listeners = new AbortController();

  constructor(
    readonly key: string,
    src: string,
    title: string,
    private readonly host: ScreenStageHost
  ) {
    const video = element("video", "clinic-screen__video");
    video.controls = true;
    video.preload = "auto";
    video.setAttribute("playsinline", "");
    video.setAttribute("aria-label", title);
    video.src = src;
    const changed = () => this.host.leaderVideoChanged();
    for (const event of ["play", "pause", "seeked", "ratechange"]) {
      video.addEventListener(event, changed, {
        signal: this.#listeners.signal,
      });
    }
    this.element = video;
    host.attachPlayer(new MediaElementPlayer(video));
  }

  applyReading(): void {}

  dispose(): void {
    this.#listeners.abort();
    this.host.attachPlayer(null);
    this.element.pause();
    this.element.removeAttribute("src");
    this.element.load();
  }
}

export function youTubeEmbedUrl(videoId: string, origin: string): string {
  const query = new URLSearchParams({
    enablejsapi: "1",
    origin,
    playsinline: "1",
    rel: "0",
  });
  return `https://www.youtube-nocookie.com/embed/${encodeURIComponent(videoId)}?${query}`;
}

// A YouTube video: our own iframe on youtube-nocookie.com, driven by the IFrame Player API
// attached to it.
export class YouTubeStage implements ScreenStage {
  @tracked failed = false;
  readonly kind = "youtube";
  readonly element: HTMLIFrameElement;

  #player: { destroy(): void } | null = null;
  #disposed = false;

  constructor(
    readonly key: string,
    videoId: string,
    private readonly host: ScreenStageHost
  ) {
    const iframe = element("iframe", "clinic-screen__youtube");
    iframe.setAttribute("sandbox", YOUTUBE_SANDBOX);
    iframe.setAttribute("referrerpolicy", "strict-origin-when-cross-origin");
    iframe.setAttribute("allow", "autoplay; encrypted-media; fullscreen");
    iframe.setAttribute("title", "YouTube");
    iframe.src = youTubeEmbedUrl(videoId, location.origin);
    this.element = iframe;
    void this.#attach(iframe);
  }

  async #attach(iframe: HTMLIFrameElement): Promise<void> {
    try {
      const YT = await this.host.loadYouTube();
      // The API reaches the frame through its window: it must be in the page first.
      for (let i = 0; i < 40 && !iframe.isConnected; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (this.#disposed) {
        return;
      }
      let adapter: YouTubeScreenPlayer | null = null;
      const player = new YT.Player(iframe, {
        events: {
          onReady: () => {
            if (!this.#disposed && adapter) {
              this.host.attachPlayer(adapter);
            }
          },
          onStateChange: () => this.host.leaderVideoChanged(),
          onPlaybackRateChange: () => this.host.leaderVideoChanged(),
          onAutoplayBlocked: () => {
            adapter?.autoplayBlocked();
            this.host.autoplayBlocked();
          },
        },
      });
      adapter = new YouTubeScreenPlayer(player);
      this.#player = player;
    } catch {
      if (!this.#disposed) {
        this.failed = true;
      }
    }
  }

  applyReading(): void {}

  dispose(): void {
    this.#disposed = true;
    this.host.attachPlayer(null);
    this.#player?.destroy();
  }
}

export class UnsupportedStage implements ScreenStage {
  readonly kind = "unsupported";
  readonly element = null;

  constructor(
    readonly key: string,
    readonly upload: ScreenUpload | null
  ) {}

  applyReading(): void {}
  dispose(): void {}
}

/** Same key, same stage: the item did not change. */
export function stageKey(item: ScreenItemJson): string {
  return JSON.stringify(
    item.kind === "page"
      ? [item.kind, item.url]
      : item.kind === "youtube"
        ? [item.kind, item.video_id]
        : [item.kind, item.document_id]
  );
}

export function stageFor(
  item: ScreenItemJson,
  host: ScreenStageHost
): ScreenStage {
  const key = stageKey(item);
  if (item.kind === "page") {
    return new PageStage(key, item.url, host);
  }
  if (item.kind === "youtube") {
    return new YouTubeStage(key, item.video_id, host);
  }
  const upload = item.upload ?? null;
  const src = upload ? safeUrl(upload.url) : null;
  if (!upload || !src) {
    return new UnsupportedStage(key, upload);
  }
  const kind = item.kind === "video" ? "media" : documentStageKind(upload);
  switch (kind) {
    case "image":
    case "text":
      return new ScrollStage(key, kind, upload, host);
    case "pdf":
      return new PdfStage(
        key,
        safeUrl(upload.inline_url ?? upload.url) ?? src,
        upload.original_filename,
        host
      );
    case "media":
      return new MediaStage(key, src, upload.original_filename, host);
    default:
      return new UnsupportedStage(key, upload);
  }
}
