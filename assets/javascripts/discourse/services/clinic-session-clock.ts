import { tracked } from "@glimmer/tracking";
import Service, { service } from "@ember/service";
import { i18n } from "discourse-i18n";
import {
  type ClinicBusCallback,
  clinicChannel,
  type MessageBusClient,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/clinic-message-bus";
import type { ClinicBusMessage } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";
import {
  addOffsetSample,
  checkWallClock,
  type ClockOffsetState,
  EMPTY_OFFSET_STATE,
  estimateOffset,
  serverNowMs,
  shiftForWallClockStep,
  type WallClockWatch,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clock-offset";
import { serverErrorMessages } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/server-errors";
import { msUntilNextTick } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/session-clock";
import type {
  Appointment,
  ExtendMinutes,
  ScheduleBody,
  Session,
  SessionResponse,
  SessionsResponse,
  StartSessionBody,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/session-types";
import type ClinicSessionsApi from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-sessions-api";

// The clocks the service reads. Tests replace it with a fake (see
// test/javascripts/helpers/fake-session-clock.ts) to drive time by hand.
export interface SessionClockSource {
  wallNow(): number;
  monotonicNow(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
}

export const BROWSER_CLOCK: SessionClockSource = {
  wallNow: () => Date.now(),
  monotonicNow: () => performance.now(),
  setTimer: (callback, ms) => window.setTimeout(callback, ms),
  clearTimer: (handle) => window.clearTimeout(handle as number),
};

// A fresh server-time sample this often while a session runs (docs/sessions.md).
const SAMPLE_EVERY_MS = 30_000;
// How often to look again when no offset is known yet.
const RETRY_TICK_MS = 1000;

// What one clinic's session feature shows; every view of the clinic reads the same object.
export class ClinicSessions {
  @tracked data: SessionsResponse | null = null;
  @tracked errors: string[] = [];
  readonly clinicId: number;

  viewers = 0;
  appliedSeq = 0;
  busCallback: ClinicBusCallback | null = null;

  constructor(clinicId: number) {
    this.clinicId = clinicId;
  }

  get current(): Session | null {
    return this.data?.current ?? null;
  }
}

type WithServerNow = { server_now_ms: number };

// One clock for the whole page: the server's time from the browser's clock plus a measured
// offset (clock-offset.ts), and per clinic the session state from sessions.json, kept fresh
// by MessageBus, by the tab becoming visible and by the network coming back. The display is
// re-rendered at the moments msUntilNextTick names; ticks are never counted.
export default class ClinicSessionClock extends Service {
  @service declare clinicSessionsApi: ClinicSessionsApi;
  @service declare messageBus: MessageBusClient;

  // (no sample yet, or just after the wall clock jumped forward).
  @tracked serverNowMs: number | null = null;
  clock: SessionClockSource = BROWSER_CLOCK;

  // The server's clock at the last render; null while the display cannot vouch for its digits

  #clinics = new Map<number, ClinicSessions>();
  #offset: ClockOffsetState = EMPTY_OFFSET_STATE;
  #wall: WallClockWatch = { lastGapMs: null };
  #blank = true;
  #timer: unknown = null;
  #lastSampleAt = -Infinity;
  #sampleInFlight = false;
  #seq = 0;
  #listening = false;

  // A tab coming back to the front, or a network coming back, may have missed changes.
  #refreshAll = (): void => {
    if (document.visibilityState !== "visible") {
      return;
    }
    this.#render();
    this.#scheduleTick();
    for (const clinicId of this.#clinics.keys()) {
      void this.reload(clinicId);
    }
  };

  override willDestroy(): void {
    super.willDestroy();
    this.#stop();
  }

  // Starts following a clinic; every watch must be paired with release.
  watch(clinicId: number): ClinicSessions {
    let entry = this.#clinics.get(clinicId);
    if (!entry) {
      entry = new ClinicSessions(clinicId);
      this.#clinics.set(clinicId, entry);
    }
    entry.viewers++;
    if (entry.viewers === 1) {
      this.#subscribe(entry);
      void this.reload(clinicId);
    }
    this.#listen(true);
    return entry;
  }

  release(clinicId: number): void {
    const entry = this.#clinics.get(clinicId);
    if (!entry) {
      return;
    }
    entry.viewers--;
    if (entry.viewers <= 0) {
      if (entry.busCallback) {
        this.messageBus.unsubscribe(clinicChannel(clinicId), entry.busCallback);
      }
      this.#clinics.delete(clinicId);
    }
    if (this.#clinics.size === 0) {
      this.#stop();
    }
  }

  async reload(clinicId: number): Promise<void> {
    const seq = ++this.#seq;
    try {
      const data = await this.#timed(() =>
        this.clinicSessionsApi.sessions(clinicId)
      );
      this.#apply(clinicId, seq, () => data);
      const entry = this.#clinics.get(clinicId);
      if (entry) {
        entry.errors = [];
      }
    } catch (error) {
      const entry = this.#clinics.get(clinicId);
      if (entry && !this.isDestroying) {
        entry.errors = messagesOf(error);
      }
    }
  }

  start(clinicId: number, body: StartSessionBody): Promise<void> {
    return this.#sessionChange(clinicId, () =>
      this.clinicSessionsApi.start(clinicId, body)
    );
  }

  pause(clinicId: number, sessionId: number): Promise<void> {
    return this.#sessionChange(clinicId, () =>
      this.clinicSessionsApi.pause(sessionId)
    );
  }

  resume(clinicId: number, sessionId: number): Promise<void> {
    return this.#sessionChange(clinicId, () =>
      this.clinicSessionsApi.resume(sessionId)
    );
  }

  extend(
    clinicId: number,
    sessionId: number,
    minutes: ExtendMinutes
  ): Promise<void> {
    return this.#sessionChange(clinicId, () =>
      this.clinicSessionsApi.extend(sessionId, minutes)
    );
  }

  // An ended session leaves `current` and heads the recent list.
  async end(clinicId: number, sessionId: number): Promise<void> {
    const seq = ++this.#seq;
    const response = await this.#timed(() =>
      this.clinicSessionsApi.end(sessionId)
    );
    this.#apply(clinicId, seq, (data) =>
      data
        ? {
            ...data,
            current: null,
            recent: [
              response.session,
              ...data.recent.filter((s) => s.id !== response.session.id),
            ],
          }
        : data
    );
  }

  async schedule(clinicId: number, body: ScheduleBody): Promise<void> {
    const response = await this.clinicSessionsApi.schedule(clinicId, body);
    this.#setUpcoming(clinicId, response.upcoming);
  }

  async deleteSchedule(clinicId: number, scheduleId: number): Promise<void> {
    const response = await this.clinicSessionsApi.deleteSchedule(scheduleId);
    this.#setUpcoming(clinicId, response.upcoming);
  }

  async setBoundary(clinicId: number, text: string): Promise<void> {
    const response = await this.clinicSessionsApi.setBoundary(clinicId, text);
    const entry = this.#clinics.get(clinicId);
    if (entry?.data) {
      entry.data = { ...entry.data, boundary_text: response.boundary_text };
    }
  }

  async requestSession(clinicId: number, message?: string): Promise<void> {
    await this.clinicSessionsApi.requestSession(clinicId, message);
  }

  async #sessionChange(
    clinicId: number,
    request: () => Promise<SessionResponse>
  ): Promise<void> {
    const seq = ++this.#seq;
    const response = await this.#timed(request);
    this.#apply(clinicId, seq, (data) =>
      data ? { ...data, current: response.session } : data
    );
  }

  #setUpcoming(clinicId: number, upcoming: Appointment[]): void {
    const entry = this.#clinics.get(clinicId);
    if (entry?.data) {
      entry.data = { ...entry.data, upcoming };
    }
  }

  // An answer applies only if no answer to a later request was applied before it, so a slow
  // reload never brings back an older state.
  #apply(
    clinicId: number,
    seq: number,
    next: (data: SessionsResponse | null) => SessionsResponse | null
  ): void {
    const entry = this.#clinics.get(clinicId);
    if (!entry || this.isDestroying || seq < entry.appliedSeq) {
      return;
    }
    entry.appliedSeq = seq;
    entry.data = next(entry.data);
    this.#render();
    this.#scheduleTick();
  }

  // Every answer that carries server_now_ms is a clock-offset sample.
  async #timed<T extends WithServerNow>(request: () => Promise<T>): Promise<T> {
    const clientSentMs = this.clock.wallNow();
    const response = await request();
    const clientReceivedMs = this.clock.wallNow();
    if (!this.isDestroying && typeof response.server_now_ms === "number") {
      this.#offset = addOffsetSample(this.#offset, {
        clientSentMs,
        serverMs: response.server_now_ms,
        clientReceivedMs,
      });
      if (this.#offset.samples.length > 0) {
        this.#blank = false;
        this.#lastSampleAt = this.clock.monotonicNow();
      }
    }
    return response;
  }

  async #sampleServerTime(): Promise<void> {
    if (this.#sampleInFlight) {
      return;
    }
    this.#sampleInFlight = true;
    this.#lastSampleAt = this.clock.monotonicNow();
    try {
      await this.#timed(() => this.clinicSessionsApi.serverTime());
    } catch {
      // The next tick samples again; the display keeps the last good offset.
    } finally {
      this.#sampleInFlight = false;
    }
    if (!this.isDestroying && this.#clinics.size > 0) {
      this.#render();
      this.#scheduleTick();
    }
  }

  #render(): void {
    const check = checkWallClock(
      this.#wall,
      this.clock.wallNow(),
      this.clock.monotonicNow()
    );
    this.#wall = check.watch;
    if (check.stepMs < 0) {
      // The wall clock was set back: the samples move with it at once.
      this.#offset = shiftForWallClockStep(this.#offset, check.stepMs);
    } else if (check.stepMs > 0) {
      // Forward: a correction or a wake from sleep; show no digits until a fresh sample.
      this.#blank = true;
    }
    const offset = estimateOffset(this.#offset);
    const now =
      this.#blank || offset === null
        ? null
        : serverNowMs(this.clock.wallNow(), offset);
    if (now !== this.serverNowMs) {
      this.serverNowMs = now;
    }
    if (check.stepMs > 0) {
      void this.#sampleServerTime();
    }
  }

  #runningSessions(): Session[] {
    return [...this.#clinics.values()]
      .map((entry) => entry.current)
      .filter((s): s is Session => s?.clock.state === "running");
  }

  #scheduleTick(): void {
    if (this.#timer !== null) {
      this.clock.clearTimer(this.#timer);
      this.#timer = null;
    }
    const running = this.#runningSessions();
    if (running.length === 0 || this.isDestroying) {
      return;
    }
    const now = this.serverNowMs;
    const delays = running
      .map((s) => (now === null ? null : msUntilNextTick(s.clock, now)))
      .filter((d): d is number => d !== null);
    const delay = delays.length > 0 ? Math.min(...delays) : RETRY_TICK_MS;
    this.#timer = this.clock.setTimer(() => this.#tick(), delay);
  }

  #tick(): void {
    this.#timer = null;
    this.#render();
    if (this.clock.monotonicNow() - this.#lastSampleAt >= SAMPLE_EVERY_MS) {
      void this.#sampleServerTime();
    }
    this.#scheduleTick();
  }

  #subscribe(entry: ClinicSessions): void {
    const callback = (data: ClinicBusMessage) => {
      if (data.type === "session_changed" || data.type === "schedule_changed") {
        void this.reload(entry.clinicId);
      }
    };
    entry.busCallback = callback;
    this.messageBus.subscribe(clinicChannel(entry.clinicId), callback);
  }

  #listen(on: boolean): void {
    if (on === this.#listening) {
      return;
    }
    this.#listening = on;
    if (on) {
      document.addEventListener("visibilitychange", this.#refreshAll);
      window.addEventListener("online", this.#refreshAll);
    } else {
      document.removeEventListener("visibilitychange", this.#refreshAll);
      window.removeEventListener("online", this.#refreshAll);
    }
  }

  #stop(): void {
    if (this.#timer !== null) {
      this.clock.clearTimer(this.#timer);
      this.#timer = null;
    }
    this.#listen(false);
  }
}

export function messagesOf(error: unknown): string[] {
  const messages = serverErrorMessages(error);
  return messages.length > 0
    ? messages
    : [i18n("online_clinic.errors.generic")];
}
