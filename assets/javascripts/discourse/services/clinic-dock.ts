import { tracked } from "@glimmer/tracking";
import type RouterService from "@ember/routing/router-service";
import Service, { service } from "@ember/service";
import loadScript from "discourse/lib/load-script";
import type { JitsiConstructor } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/jitsi-api";
import {
  JitsiCall,
  type JitsiCallState,
  type JitsiJoinTicket,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/jitsi-call";
import type ClinicScreen from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-screen";
import type ClinicVideoApi from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-video-api";
import {
  ClinicVideoNotConfiguredError,
  type VideoEvent,
  type VideoNotConfigured,
} from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-video-api";

// The clinic whose dock is open: its id for the endpoints, its category to know when the
// user has left it.
export interface DockClinic {
  id: number;
  categoryId: number;
  name: string;
}

// The part of Ember's RouteInfo the dock reads (a leaf route and its parents; `attributes` is
// the route's model).
export interface DockRoute {
  name: string;
  parent: DockRoute | null;
  attributes?: unknown;
}

// What the dock shows: the call, the shared screen, or both side by side.
export type DockView = "video" | "screen" | "both";

export function showsVideo(view: DockView): boolean {
  return view !== "screen";
}

export function showsScreen(view: DockView): boolean {
  return view !== "video";
}

export const DOCK_MIN_WIDTH = 320;
export const DOCK_MAX_WIDTH = 760;
export const DOCK_DEFAULT_WIDTH = 420;
export const DOCK_WIDTH_STEP = 60;
// The page keeps room for the dock through this property on <html> (online-clinic.scss).
export const DOCK_WIDTH_PROPERTY = "--clinic-dock-inline-size";

function numberAt(value: unknown, key: string): number | null {
  if (typeof value !== "object" || value === null || !(key in value)) {
    return null;
  }
  const found: unknown = (value as Record<string, unknown>)[key];
  return typeof found === "number" ? found : null;
}

// Whether the route on screen belongs to the clinic: its category page (discovery routes
// carry `category`, see Discourse's services/discovery.js), one of its topics (the "topic"
// route's model is the Topic, loaded with its category_id before the transition settles,
// routes/topic/from-params.js), or one of our own pages of it (clinic.audit-log,
// clinic.folders, clinic.folder, clinic.timeline: their models carry the clinic's id).
export function routeIsInClinic(
  route: DockRoute | null,
  clinic: DockClinic
): boolean {
  for (let r = route; r; r = r.parent) {
    const attributes = r.attributes;
    const categoryId =
      numberAt(
        typeof attributes === "object" && attributes !== null
          ? (attributes as Record<string, unknown>).category
          : null,
        "id"
      ) ?? (r.name === "topic" ? numberAt(attributes, "category_id") : null);
    if (categoryId !== null) {
      return categoryId === clinic.categoryId;
    }
    const clinicId = r.name.startsWith("clinic.")
      ? numberAt(attributes, "clinicId")
      : null;
    if (clinicId !== null) {
      return clinicId === clinic.id;
    }
  }
  return false;
}

// Jitsi's external_api.js comes from the Jitsi server; Discourse's CSP is strict-dynamic, so
// it is loaded with Discourse's loadScript and read from the global it defines.
export async function loadJitsiFromServer(
  scriptUrl: string
): Promise<JitsiConstructor> {
  await loadScript(scriptUrl);
  const api = (window as { JitsiMeetExternalAPI?: JitsiConstructor })
    .JitsiMeetExternalAPI;
  if (!api) {
    throw new Error("JitsiMeetExternalAPI missing");
  }
  return api;
}

// The video dock, app-wide: which clinic's dock is open, its size, and its one call. The call
// lives here, not in a component, so that it survives re-rendering while the user moves
// between the clinic's topics, and can be closed at once when they leave the clinic or the
// page (pagehide), whether or not anything renders again.
export default class ClinicDock extends Service {
  @service declare router: RouterService;
  @service declare clinicVideoApi: ClinicVideoApi;
  @service declare clinicScreen: ClinicScreen;

  @tracked clinic: DockClinic | null = null;
  @tracked collapsed = false;
  @tracked width = DOCK_DEFAULT_WIDTH;
  @tracked callState: JitsiCallState = { status: "closed" };
  @tracked notConfigured: VideoNotConfigured | null = null;
  // The last ticket, for "open the call in a new tab".
  @tracked ticket: JitsiJoinTicket | null = null;
  // The member moved the call to a tab of its own.
  @tracked handedOff = false;
  // The element Jitsi's iframe goes into; the video panel renders it.
  @tracked frameHost: HTMLElement | null = null;
  @tracked view: DockView = "video";

  // Replaceable in tests (this.owner.lookup("service:clinic-dock")).
  loadJitsi: (scriptUrl: string) => Promise<JitsiConstructor> =
    loadJitsiFromServer;
  currentRoute: () => DockRoute | null = () => this.router.currentRoute;

  #call: JitsiCall | null = null;
  #unsubscribe: (() => void) | null = null;
  #inCall = false;

  #onRouteChange = (): void => {
    const clinic = this.clinic;
    if (clinic && !routeIsInClinic(this.currentRoute(), clinic)) {
      this.close();
    }
  };

  #onPageHide = (): void => {
    this.close();
  };

  override willDestroy(): void {
    super.willDestroy();
    this.close();
  }

  get isOpen(): boolean {
    return this.clinic !== null;
  }

  // Opening the dock of the clinic already open only brings it back: one call, one iframe.
  // The call starts when the video is first shown, the screen when the screen is; each then
  // keeps running while hidden (a hidden part is kept in the page, not removed).
  open(clinic: DockClinic, view: DockView = "video"): void {
    if (this.clinic?.id === clinic.id) {
      this.collapsed = false;
      this.show(view);
      return;
    }
    this.close();
    this.clinic = clinic;
    this.collapsed = false;
    this.router.on("routeDidChange", this.#onRouteChange);
    window.addEventListener("pagehide", this.#onPageHide);
    this.#applyWidth();
    this.show(view);
  }

  show(view: DockView): void {
    const clinic = this.clinic;
    if (!clinic) {
      return;
    }
    this.view = view;
    if (showsVideo(view) && !this.#call) {
      this.#startCall(clinic);
    }
    if (showsScreen(view)) {
      this.clinicScreen.open(clinic.id);
    }
  }

  #startCall(clinic: DockClinic): void {
    const host = document.createElement("div");
    host.className = "clinic-video-panel__frame";
    this.frameHost = host;
    const call = new JitsiCall({
      loadApi: (scriptUrl) => this.loadJitsi(scriptUrl),
      fetchToken: () => this.#fetchTicket(clinic.id),
      lang: document.documentElement.lang || undefined,
    });
    this.#call = call;
    this.#unsubscribe = call.subscribe((state) => this.#onState(state));
    void call.open(host);
  }

  // Closes the call (Jitsi's dispose, once) and the dock.
  close(): void {
    const call = this.#call;
    if (!call && !this.clinic) {
      return;
    }
    this.#call = null;
    call?.close();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.clinicScreen.close();
    this.router.off("routeDidChange", this.#onRouteChange);
    window.removeEventListener("pagehide", this.#onPageHide);
    if (!this.isDestroying) {
      this.clinic = null;
      this.frameHost = null;
      this.ticket = null;
      this.notConfigured = null;
      this.handedOff = false;
      this.callState = { status: "closed" };
      this.view = "video";
    }
    this.#applyWidth();
  }

  // After a fault, or after the member left the call, join again in the same place.
  rejoin(): void {
    const call = this.#call;
    const host = this.frameHost;
    if (!call || !host) {
      return;
    }
    this.handedOff = false;
    if (call.state.status === "fault") {
      void call.retry();
    } else if (call.state.status === "closed") {
      void call.open(host);
    }
  }

  // The member opens the call in a tab of its own: the dock's call ends so that they are
  // not in the room twice.
  handOff(): void {
    this.#call?.close();
    this.handedOff = true;
  }

  hangUp(): void {
    this.#call?.hangUp();
  }

  toggleCollapsed(): void {
    this.collapsed = !this.collapsed;
    this.#applyWidth();
  }

  setWidth(width: number): void {
    this.width = Math.round(
      Math.min(DOCK_MAX_WIDTH, Math.max(DOCK_MIN_WIDTH, width))
    );
    this.#applyWidth();
  }

  widen(): void {
    this.setWidth(this.width + DOCK_WIDTH_STEP);
  }

  narrow(): void {
    this.setWidth(this.width - DOCK_WIDTH_STEP);
  }

  async #fetchTicket(clinicId: number): Promise<JitsiJoinTicket> {
    try {
      const answer = await this.clinicVideoApi.ticket(clinicId);
      const ticket: JitsiJoinTicket = {
        provider: answer.provider,
        domain: answer.domain,
        script_url: answer.script_url,
        room: answer.room,
        jwt: answer.jwt,
        expires_at: answer.expires_at,
      };
      if (this.clinic?.id === clinicId) {
        this.ticket = ticket;
        this.notConfigured = null;
      }
      return ticket;
    } catch (error) {
      if (
        error instanceof ClinicVideoNotConfiguredError &&
        this.clinic?.id === clinicId
      ) {
        this.notConfigured = error.details;
      }
      throw error;
    }
  }

  // Joins and leaves go to the timeline; only the fact, never media.
  #onState(state: JitsiCallState): void {
    if (this.isDestroying) {
      return;
    }
    this.callState = state;
    const inCall = state.status === "in_call";
    const clinicId = this.clinic?.id;
    if (inCall !== this.#inCall && clinicId !== undefined) {
      this.#inCall = inCall;
      this.#report(clinicId, inCall ? "joined" : "left");
    }
  }

  #report(clinicId: number, event: VideoEvent): void {
    // A lost report costs one line of the timeline, not the call: no alert for it.
    this.clinicVideoApi.event(clinicId, event).catch(() => {});
  }

  // The page keeps room for the open, expanded dock (desktop layout, online-clinic.scss).
  #applyWidth(): void {
    const style = document.documentElement.style;
    if (this.clinic && !this.collapsed && !this.isDestroying) {
      style.setProperty(DOCK_WIDTH_PROPERTY, `${this.width}px`);
    } else {
      style.removeProperty(DOCK_WIDTH_PROPERTY);
    }
  }
}
