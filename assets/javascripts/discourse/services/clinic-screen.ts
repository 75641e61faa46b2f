import { tracked } from "@glimmer/tracking";
import Service, { service } from "@ember/service";
import loadScript from "discourse/lib/load-script";
import { i18n } from "discourse-i18n";
import {
  type ClinicBusCallback,
  clinicChannel,
  type MessageBusClient,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/clinic-message-bus";
import {
  type ScreenStage,
  type ScreenStageHost,
  stageFor,
  stageKey,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/clinic-screen-stage";
import type { ClinicBusMessage } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";
import {
  applyCorrection,
  type ScreenPlayer,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-players";
import {
  type ClockSample,
  estimateClockOffset,
  type FollowerState,
  INITIAL_FOLLOWER,
  leadHolder,
  mayTakeLead,
  reduceFollower,
  type ScreenItem,
  type ScreenRole,
  screenRole,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-sync";
import {
  checkScreenUrl,
  type ScreenUrlVerdict,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-url-policy";
import { ScrollCoalescer } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/scroll-coalescer";
import { serverErrorMessages } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/server-errors";
import {
  expectedPosition,
  leaderNeedsRepublish,
  VideoDriftController,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/video-drift";
import type { YouTubeNamespace } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/youtube-api";
import { youTubeVideoId } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/youtube-video-id";
import type ClinicApi from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-api";
import type {
  ScreenChangeResponse,
  ScreenItemJson,
  ScreenPermissions,
  ScreenPublishBody,
  ScreenStateJson,
} from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-screen-api";
import type ClinicScreenApi from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-screen-api";

// The clocks and timers the service reads; tests replace them to drive time by hand.
export interface ScreenClock {
  now(): number;
  every(callback: () => void, ms: number): () => void;
}

export const BROWSER_SCREEN_CLOCK: ScreenClock = {
  now: () => Date.now(),
  every: (callback, ms) => {
    const handle = window.setInterval(callback, ms);
    return () => window.clearInterval(handle);
  },
};

// docs/screen.md: followers correct video every 250 ms; the leader's heartbeat every 10 s.
export const DRIFT_TICK_MS = 250;
export const HEARTBEAT_EVERY_MS = 10_000;
const CLOCK_SAMPLES_KEPT = 8;
const YOUTUBE_API_URL = "https://www.youtube.com/iframe_api";

interface Failure {
  status: number;
  errorType: string | null;
  state: ScreenStateJson | null;
  messages: string[];
}

function failureOf(error: unknown): Failure {
  const jqXHR: unknown =
    typeof error === "object" && error !== null && "jqXHR" in error
      ? error.jqXHR
      : null;
  const status =
    typeof jqXHR === "object" && jqXHR !== null && "status" in jqXHR
      ? Number(jqXHR.status)
      : 0;
  const json: unknown =
    typeof jqXHR === "object" && jqXHR !== null && "responseJSON" in jqXHR
      ? jqXHR.responseJSON
      : null;
  const body =
    typeof json === "object" && json !== null
      ? (json as Record<string, unknown>)
      : {};
  return {
    status,
    errorType: typeof body.error_type === "string" ? body.error_type : null,
    state:
      typeof body.state === "object" && body.state !== null
        ? (body.state as ScreenStateJson)
        : null,
    messages: serverErrorMessages(error),
  };
}

function firstMessage(failure: Failure): string {
  return failure.messages[0] ?? i18n("online_clinic.errors.generic");
}

// What the server stores of an item: the upload shown beside a document is for display only.
function bareItem(item: ScreenItemJson | null): ScreenItem | null {
  if (!item) {
    return null;
  }
  switch (item.kind) {
    case "page":
      return { kind: "page", url: item.url };
    case "youtube":
      return { kind: "youtube", video_id: item.video_id };
    default:
      return { kind: item.kind, document_id: item.document_id };
  }
}

// The YouTube IFrame API is the global `YT` that iframe_api defines; it is ready when it
// calls the global onYouTubeIframeAPIReady (youtube-api.ts names the documentation).
export async function loadYouTubeApi(): Promise<YouTubeNamespace> {
  const global = window as {
    YT?: YouTubeNamespace;
    onYouTubeIframeAPIReady?: () => void;
  };
  if (global.YT?.loaded === 1) {
    return global.YT;
  }
  const ready = new Promise<void>((resolve) => {
    const previous = global.onYouTubeIframeAPIReady;
    global.onYouTubeIframeAPIReady = () => {
      previous?.();
      resolve();
    };
  });
  await loadScript(YOUTUBE_API_URL);
  await ready;
  if (!global.YT) {
    throw new Error("YT missing");
  }
  return global.YT;
}

// The shared screen of the clinic whose dock is open: the server's state followed over
// MessageBus in sequence order, this member's role in it, the leader's publishing (items at
// once, scrolling coalesced, video on every change and whenever the player strays from what
// was published), and the follower's corrections (reading position, PDF page, video drift).
export default class ClinicScreen extends Service implements ScreenStageHost {
  @service declare clinicScreenApi: ClinicScreenApi;
  @service declare clinicApi: ClinicApi;
  @service declare messageBus: MessageBusClient;
  @service declare currentUser: { id: number } | null;

  @tracked clinicId: number | null = null;
  @tracked follower: FollowerState = INITIAL_FOLLOWER;
  @tracked permissions: ScreenPermissions | null = null;
  @tracked serverNowMs = 0;
  @tracked resyncing = false;
  // A calm line about the last action that did not go through (429, 403, network).
  @tracked notice: string | null = null;
  // Why the address typed was refused (the client's early check or the server's 422).
  @tracked addressError: string | null = null;
  @tracked playBlocked = false;
  @tracked stage: ScreenStage | null = null;
  @tracked names: Record<number, string> = {};
  // What this member looks at while browsing on their own.
  @tracked localItem: ScreenItemJson | null = null;

  clock: ScreenClock = BROWSER_SCREEN_CLOCK;
  // Replaceable in tests.
  loadYouTube: () => Promise<YouTubeNamespace> = loadYouTubeApi;
  // The early check of an address; the preview widens it for its own demo files.
  checkAddress: (input: string) => ScreenUrlVerdict = checkScreenUrl;

  #samples: ClockSample[] = [];
  #offsetMs = 0;
  #busCallback: ClinicBusCallback | null = null;
  #stopTick: (() => void) | null = null;
  #lastHeartbeatMs = 0;
  #player: ScreenPlayer | null = null;
  #drift = new VideoDriftController();
  #publishing = false;
  #coalescer = this.#newCoalescer();
  #listening = false;
  // The server's own answer (permissions) says the clinic is archived: read, never change.
  #archived = false;

  #refresh = (): void => {
    if (document.visibilityState === "visible" && this.clinicId !== null) {
      void this.reload();
    }
  };

  override willDestroy(): void {
    super.willDestroy();
    this.close();
  }

  get state(): ScreenStateJson | null {
    return this.follower.latest as ScreenStateJson | null;
  }

  get selfId(): number {
    return this.currentUser?.id ?? 0;
  }

  get role(): ScreenRole {
    return screenRole(this.follower, this.selfId, this.serverNowMs);
  }

  get leaderId(): number | null {
    const state = this.state;
    return state ? leadHolder(state, this.serverNowMs) : null;
  }

  get leaderName(): string | null {
    const id = this.leaderId;
    return id === null ? null : (this.names[id] ?? null);
  }

  get isTherapist(): boolean {
    return this.permissions?.can_lock === true;
  }

  // The lock is read from the newest state (it changes over MessageBus); the permissions of
  // the first answer only tell an archived clinic apart.
  get canTakeLead(): boolean {
    return (
      this.permissions !== null &&
      !this.#archived &&
      this.role !== "leading" &&
      mayTakeLead(this.state, this.isTherapist)
    );
  }

  // What this member's screen shows: their own choice while browsing alone, else the shared.
  get shownItem(): ScreenItemJson | null {
    return this.role === "browsing_alone"
      ? this.localItem
      : (this.state?.item ?? null);
  }

  get following(): boolean {
    return this.role === "following" || this.role === "idle";
  }

  open(clinicId: number): void {
    if (this.clinicId === clinicId) {
      return;
    }
    this.close();
    this.clinicId = clinicId;
    const callback = (data: ClinicBusMessage) => {
      if (data.type === "screen_state" && data.clinic_id === clinicId) {
        this.#adopt((data as unknown as { state: ScreenStateJson }).state);
      }
    };
    this.#busCallback = callback;
    this.messageBus.subscribe(clinicChannel(clinicId), callback);
    this.#listen(true);
    this.#stopTick = this.clock.every(() => this.#tick(), DRIFT_TICK_MS);
    void this.reload();
    void this.#loadNames(clinicId);
  }

  close(): void {
    const clinicId = this.clinicId;
    // Leaving the clinic or closing the screen hands the lead back now, rather than leaving
    // the others to wait 30 s for it to lapse (a closed tab, or the app torn down, still relies
    // on that timeout).
    if (clinicId !== null && !this.isDestroying && this.role === "leading") {
      this.clinicScreenApi.releaseLead(clinicId).catch(() => {});
    }
    if (clinicId !== null && this.#busCallback) {
      this.messageBus.unsubscribe(clinicChannel(clinicId), this.#busCallback);
    }
    this.#busCallback = null;
    this.#stopTick?.();
    this.#stopTick = null;
    this.#coalescer.dispose();
    this.#coalescer = this.#newCoalescer();
    this.#listen(false);
    this.stage?.dispose();
    this.#player = null;
    this.#archived = false;
    if (!this.isDestroying) {
      this.clinicId = null;
      this.follower = INITIAL_FOLLOWER;
      this.permissions = null;
      this.stage = null;
      this.localItem = null;
      this.names = {};
      this.notice = null;
      this.addressError = null;
      this.playBlocked = false;
    }
  }

  async reload(): Promise<void> {
    const clinicId = this.clinicId;
    if (clinicId === null) {
      return;
    }
    this.resyncing = true;
    try {
      const answer = await this.#timed(() =>
        this.clinicScreenApi.screen(clinicId)
      );
      if (this.clinicId !== clinicId) {
        return;
      }
      this.permissions = answer.permissions;
      // can_lead is false only while locked against this member or when archived.
      this.#archived = !answer.permissions.can_lead && !answer.state.locked;
      this.#adopt(answer.state);
    } catch (error) {
      if (this.clinicId === clinicId) {
        this.notice = firstMessage(failureOf(error));
      }
    } finally {
      if (!this.isDestroying) {
        this.resyncing = false;
      }
    }
  }

  // ---- lead ----

  takeLead(): Promise<void> {
    return this.#change((id) => this.clinicScreenApi.takeLead(id));
  }

  async releaseLead(): Promise<void> {
    this.#coalescer.flush();
    await this.#change((id) => this.clinicScreenApi.releaseLead(id));
  }

  setLocked(locked: boolean): Promise<void> {
    return this.#change((id) => this.clinicScreenApi.lock(id, locked));
  }

  stepOut(): void {
    this.localItem = this.state?.item ?? null;
    this.follower = reduceFollower(this.follower, { type: "step_out" });
    this.#syncStage();
  }

  stepIn(): void {
    this.follower = reduceFollower(this.follower, { type: "step_in" });
    this.localItem = null;
    this.#syncStage();
    void this.reload();
  }

  playAlong(): void {
    this.playBlocked = false;
    void this.#correctVideo();
  }

  // ---- what is shown ----

  /** The address bar: a YouTube link plays as a video, anything else is checked as a page. */
  async showAddress(text: string): Promise<boolean> {
    const videoId = youTubeVideoId(text);
    if (videoId) {
      return this.show({ kind: "youtube", video_id: videoId });
    }
    const verdict = this.checkAddress(text);
    if (!verdict.accepted) {
      this.addressError = i18n(`online_clinic.screen.url.${verdict.reason}`);
      return false;
    }
    return this.show({ kind: "page", url: verdict.url });
  }

  async show(item: ScreenItemJson): Promise<boolean> {
    this.addressError = null;
    if (this.role === "browsing_alone") {
      this.localItem = item;
      this.#syncStage();
      return true;
    }
    const playable = item.kind === "youtube" || item.kind === "video";
    return this.#publish(
      {
        item: bareItem(item),
        reading: { position: 0, page: null },
        video: playable
          ? {
              playing: false,
              position: 0,
              rate: 1,
              sampled_at_ms: this.#serverNow(),
            }
          : null,
      },
      true
    );
  }

  // ---- ScreenStageHost: what the stage on screen reports ----

  isLeading(): boolean {
    return this.role === "leading";
  }

  followedReading(): { position: number; page: number | null } | null {
    return this.following ? (this.state?.reading ?? null) : null;
  }

  localScroll(position: number): void {
    if (this.isLeading()) {
      this.#coalescer.push(position);
    }
  }

  localPage(page: number): void {
    if (this.isLeading()) {
      const reading = this.state?.reading;
      void this.#publish(
        this.#picture({ position: reading?.position ?? 0, page })
      );
    }
  }

  attachPlayer(player: ScreenPlayer | null): void {
    this.#player = player;
    this.#drift = new VideoDriftController({
      canNudgeRate: player?.canNudgeRate ?? true,
    });
    if (player) {
      void this.#correctVideo();
    }
  }

  leaderVideoChanged(): void {
    if (this.isLeading() && this.#player) {
      void this.#publish(this.#picture(this.state?.reading));
    }
  }

  autoplayBlocked(): void {
    this.playBlocked = true;
  }

  fetchText(url: string): Promise<string> {
    return fetch(url, { credentials: "same-origin" }).then((r) => {
      if (!r.ok) {
        throw new Error(`${r.status}`);
      }
      return r.text();
    });
  }

  previewLink(url: string) {
    const clinicId = this.clinicId ?? 0;
    return this.clinicScreenApi.preview(clinicId, url);
  }

  // ---- inside ----

  #serverNow(): number {
    return this.clock.now() + this.#offsetMs;
  }

  // The whole picture the leader sends: the item shown, where they read, their player.
  #picture(
    reading: { position: number; page: number | null } | undefined
  ): ScreenPublishBody {
    const state = this.state;
    const now = this.#serverNow();
    let video: ScreenPublishBody["video"] = null;
    if (this.#player) {
      const r = this.#player.read();
      video = {
        playing: r.playing,
        position: r.position,
        rate: this.#player.rate(),
        sampled_at_ms: now,
      };
    } else if (state?.video) {
      video = {
        playing: state.video.playing,
        position: expectedPosition(state.video, now),
        rate: state.video.rate,
        sampled_at_ms: now,
      };
    }
    return {
      item: bareItem(state?.item ?? null),
      reading: reading ?? { position: 0, page: null },
      video,
    };
  }

  #publishReading(position: number): void {
    if (this.isLeading()) {
      const page = this.state?.reading.page ?? null;
      void this.#publish(this.#picture({ position, page }));
    }
  }

  async #publish(
    body: ScreenPublishBody,
    fromAddress = false
  ): Promise<boolean> {
    const clinicId = this.clinicId;
    if (clinicId === null) {
      return false;
    }
    this.#publishing = true;
    try {
      const answer = await this.#timed(() =>
        this.clinicScreenApi.publish(clinicId, body)
      );
      this.notice = null;
      this.#adopt(answer.state);
      return true;
    } catch (error) {
      this.#refused(error, fromAddress);
      return false;
    } finally {
      this.#publishing = false;
    }
  }

  async #change(
    request: (clinicId: number) => Promise<ScreenChangeResponse>
  ): Promise<void> {
    const clinicId = this.clinicId;
    if (clinicId === null) {
      return;
    }
    try {
      const answer = await this.#timed(() => request(clinicId));
      this.notice = null;
      this.#adopt(answer.state);
    } catch (error) {
      this.#refused(error, false);
    }
  }

  // 409: someone else leads now, take their state; 429: drop this update and say why;
  // 422 from the address bar: say why beside what was typed.
  #refused(error: unknown, fromAddress: boolean): void {
    const failure = failureOf(error);
    if (failure.state) {
      this.#adopt(failure.state);
    }
    if (failure.status === 422 && fromAddress) {
      this.addressError = firstMessage(failure);
      return;
    }
    this.notice = firstMessage(failure);
  }

  #adopt(state: ScreenStateJson): void {
    if (this.isDestroying || !state) {
      return;
    }
    const next = reduceFollower(this.follower, {
      type: "server_state",
      state: state as never,
    });
    if (next === this.follower) {
      return;
    }
    this.follower = next;
    this.serverNowMs = this.#serverNow();
    this.#syncStage();
    const reading = this.followedReading();
    if (reading) {
      this.stage?.applyReading(reading);
    }
    void this.#correctVideo();
  }

  // One stage per item shown: a new item replaces it, the same one keeps it (and its player).
  #syncStage(): void {
    const item = this.shownItem;
    const key = item ? stageKey(item) : null;
    if ((this.stage?.key ?? null) === key) {
      return;
    }
    this.stage?.dispose();
    this.#player = null;
    this.playBlocked = false;
    // A new document starts its own scrolling: reaching the end of this one is news even if
    // the end of the last one was the last position sent.
    this.#coalescer.dispose();
    this.#coalescer = this.#newCoalescer();
    this.stage = item ? stageFor(item, this) : null;
  }

  #newCoalescer(): ScrollCoalescer {
    return new ScrollCoalescer((position) => this.#publishReading(position));
  }

  async #correctVideo(): Promise<void> {
    const video = this.state?.video;
    const player = this.#player;
    if (!video || !player || !this.following) {
      return;
    }
    const correction = this.#drift.decide(
      video,
      this.#serverNow(),
      player.read(),
      this.clock.now()
    );
    if (this.playBlocked && correction.playing) {
      return;
    }
    const outcome = await applyCorrection(player, correction);
    if (outcome === "blocked" && !this.isDestroying) {
      this.playBlocked = true;
    }
  }

  #tick(): void {
    if (this.isDestroying || this.clinicId === null) {
      return;
    }
    const now = this.#serverNow();
    // The role depends on the time (a lead runs out); re-render about once a second.
    if (Math.abs(now - this.serverNowMs) >= 1000) {
      this.serverNowMs = now;
    }
    if (this.isLeading()) {
      const localNow = this.clock.now();
      if (localNow - this.#lastHeartbeatMs >= HEARTBEAT_EVERY_MS) {
        this.#lastHeartbeatMs = localNow;
        void this.#change((id) => this.clinicScreenApi.heartbeat(id));
      }
      const video = this.state?.video;
      if (
        video &&
        this.#player &&
        !this.#publishing &&
        leaderNeedsRepublish(video, now, this.#player.read())
      ) {
        this.leaderVideoChanged();
      }
      return;
    }
    void this.#correctVideo();
  }

  // Every answer's server_now_ms is a clock sample (screen-sync.ts estimateClockOffset).
  async #timed<T extends { server_now_ms: number }>(
    request: () => Promise<T>
  ): Promise<T> {
    const sentAtMs = this.clock.now();
    const answer = await request();
    const receivedAtMs = this.clock.now();
    if (typeof answer.server_now_ms === "number") {
      this.#samples = [
        ...this.#samples,
        { sentAtMs, serverTimeMs: answer.server_now_ms, receivedAtMs },
      ].slice(-CLOCK_SAMPLES_KEPT);
      this.#offsetMs = estimateClockOffset(this.#samples) ?? this.#offsetMs;
    }
    return answer;
  }

  async #loadNames(clinicId: number): Promise<void> {
    try {
      const clinic = await this.clinicApi.getClinic(clinicId);
      const names: Record<number, string> = {};
      for (const member of clinic.members ?? []) {
        names[member.id] = member.name?.trim() || member.username;
      }
      if (this.clinicId === clinicId) {
        this.names = names;
      }
    } catch {
      // Without names the controls say "another member"; nothing else depends on them.
    }
  }

  #listen(on: boolean): void {
    if (on === this.#listening) {
      return;
    }
    this.#listening = on;
    if (on) {
      document.addEventListener("visibilitychange", this.#refresh);
      window.addEventListener("online", this.#refresh);
    } else {
      document.removeEventListener("visibilitychange", this.#refresh);
      window.removeEventListener("online", this.#refresh);
    }
  }
}
