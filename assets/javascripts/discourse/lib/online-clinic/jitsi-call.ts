// One video call in a clinic, around the Jitsi IFrame API, with no Ember in it: the dock
// renders its state, the glue injects how to fetch a token and how to load Jitsi's script.
import type {
  JitsiConstructor,
  JitsiEventName,
  JitsiListener,
  JitsiMeetExternalApi,
  JitsiOptions,
} from "./jitsi-api";

// What the token endpoint answers (OnlineClinic::JitsiRoom.join_config, minus `ok`).
export interface JitsiJoinTicket {
  provider: "self_hosted" | "jaas";
  domain: string;
  script_url: string;
  // What the iframe gets as roomName ("<app id>/<room>" on JaaS).
  room: string;
  jwt: string;
  // ISO 8601; after this Jitsi refuses the token for a new join.
  expires_at: string;
}

// fetchToken rejects with this when the server says video is not set up, so the dock can say
// who has to do what.
export class VideoNotConfiguredError extends Error {
  readonly missingSettings: string[];

  constructor(missingSettings: string[]) {
    super("video_not_configured");
    this.name = "VideoNotConfiguredError";
    this.missingSettings = missingSettings;
  }
}

export type JitsiFault =
  | "not_configured" // the site's video settings are incomplete
  | "token_failed" // our own server did not give a token
  | "script_failed" // external_api.js did not load within the timeout
  | "unreachable" // the iframe never heard from Jitsi, or Jitsi lost the connection for good
  | "browser_unsupported" // Jitsi says this browser cannot take part
  | "call_failed"; // any other fatal error Jitsi reported

export type JitsiCallState =
  | { status: "closed" }
  | { status: "loading" }
  // The iframe exists; waiting for the first word from the Jitsi app inside it.
  | { status: "connecting"; room: string }
  // Jitsi answered: the member is on the prejoin page or waiting in the lobby.
  | { status: "waiting"; room: string }
  | { status: "in_call"; room: string; others: number }
  | { status: "fault"; fault: JitsiFault; missingSettings: string[] };

export interface JitsiCallTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface JitsiCallOptions {
  // Loads https://<domain>/external_api.js (Discourse's loadScript) and returns its global.
  // Takes the URL because the domain, and on JaaS the path, come with the token.
  loadApi: (scriptUrl: string) => Promise<JitsiConstructor>;
  fetchToken: () => Promise<JitsiJoinTicket>;
  displayName?: string;
  lang?: string;
  timers?: JitsiCallTimers;
  // How long the script and then Jitsi itself each get before we call it a fault.
  timeoutMs?: number;
  // How long before the token's expiry a fresh one is fetched.
  refreshLeadMs?: number;
}

export const JITSI_TIMEOUT_MS = 10_000;
export const TOKEN_REFRESH_LEAD_MS = 5 * 60_000;

const browserTimers: JitsiCallTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) =>
    globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
};

// The iframe options: prejoin page on, lobby knocking on, nothing recorded, streamed or
// transcribed, no hand-off to the mobile app, no request to any third party, and the name
// from the token. Why each key is named so: see jitsi-api.ts.
export function clinicCallOptions(
  ticket: JitsiJoinTicket,
  parentNode: HTMLElement,
  { displayName, lang }: { displayName?: string; lang?: string } = {}
): JitsiOptions {
  return {
    roomName: ticket.room,
    jwt: ticket.jwt,
    parentNode,
    width: "100%",
    height: "100%",
    ...(lang ? { lang } : {}),
    ...(displayName ? { userInfo: { displayName } } : {}),
    configOverwrite: {
      prejoinConfig: { enabled: true },
      prejoinPageEnabled: true,
      lobby: { autoKnock: true, enableChat: false },
      deeplinking: { disabled: true },
      disableDeepLinking: true,
      recordingService: { enabled: false, sharingEnabled: false },
      fileRecordingsEnabled: false,
      localRecording: { disable: true },
      liveStreaming: { enabled: false },
      liveStreamingEnabled: false,
      transcription: { enabled: false },
      disableThirdPartyRequests: true,
      readOnlyName: true,
      disableInviteFunctions: true,
      doNotStoreRoom: true,
      analytics: { disabled: true },
    },
    interfaceConfigOverwrite: {
      SHOW_CHROME_EXTENSION_BANNER: false,
      RECENT_LIST_ENABLED: false,
    },
  };
}

// Token refresh: Jitsi checks a JWT only when a member connects and joins the room
// (lib-jitsi-meet doc/tokens.md, "Token verification"; Jitsi has no way to end a meeting at
// `exp`, jitsi/jitsi-meet#11264), and the IFrame API cannot hand a new JWT to a live call. So
// a call that outlives its token goes on; "refresh" means that a (re)join never presents a
// token that expires within refreshLeadMs (it fetches a new one first), and that during a call
// a new ticket is fetched ahead of expiry, so a rejoin after a dropped connection is ready at
// once even if our server is slow at that moment.
export class JitsiCall {
  private readonly options: JitsiCallOptions;
  private readonly timers: JitsiCallTimers;
  private readonly timeoutMs: number;
  private readonly refreshLeadMs: number;
  private currentState: JitsiCallState = { status: "closed" };
  private readonly listeners = new Set<(state: JitsiCallState) => void>();
  private api: JitsiMeetExternalApi | null = null;
  private detachers: Array<() => void> = [];
  private parentNode: HTMLElement | null = null;
  private ticket: JitsiJoinTicket | null = null;
  private attempt = 0;
  private timeoutHandle: unknown = null;
  private refreshHandle: unknown = null;
  private localParticipantId: string | null = null;
  private others = 0;

  constructor(options: JitsiCallOptions) {
    this.options = options;
    this.timers = options.timers ?? browserTimers;
    this.timeoutMs = options.timeoutMs ?? JITSI_TIMEOUT_MS;
    this.refreshLeadMs = options.refreshLeadMs ?? TOKEN_REFRESH_LEAD_MS;
  }

  get state(): JitsiCallState {
    return this.currentState;
  }

  // The listener hears the current state at once, then every change.
  subscribe(listener: (state: JitsiCallState) => void): () => void {
    this.listeners.add(listener);
    listener(this.currentState);
    return () => {
      this.listeners.delete(listener);
    };
  }

  // Opening a call that is already opening or open does nothing: one iframe per call.
  async open(parentNode: HTMLElement): Promise<void> {
    const { status } = this.currentState;
    if (status !== "closed" && status !== "fault") {
      return;
    }
    this.parentNode = parentNode;
    const attempt = ++this.attempt;
    this.setState({ status: "loading" });

    let ticket: JitsiJoinTicket;
    try {
      ticket = await this.freshTicket();
    } catch (error) {
      if (attempt === this.attempt) {
        this.fail(
          error instanceof VideoNotConfiguredError
            ? "not_configured"
            : "token_failed",
          error instanceof VideoNotConfiguredError ? error.missingSettings : []
        );
      }
      return;
    }
    if (attempt !== this.attempt) {
      return;
    }

    let JitsiMeetExternalAPI: JitsiConstructor;
    try {
      JitsiMeetExternalAPI = await this.withTimeout(
        this.options.loadApi(ticket.script_url)
      );
    } catch {
      if (attempt === this.attempt) {
        this.fail("script_failed");
      }
      return;
    }
    if (attempt !== this.attempt) {
      return;
    }

    this.api = new JitsiMeetExternalAPI(
      ticket.domain,
      clinicCallOptions(ticket, parentNode, this.options)
    );
    this.listen();
    this.setState({ status: "connecting", room: ticket.room });
    this.timeoutHandle = this.timers.setTimeout(() => {
      this.timeoutHandle = null;
      this.fail("unreachable");
    }, this.timeoutMs);
    this.scheduleRefresh();
  }

  // Tries again after a fault, in the same place, with a fresh token.
  async retry(): Promise<void> {
    if (this.currentState.status !== "fault" || !this.parentNode) {
      return;
    }
    await this.open(this.parentNode);
  }

  // Leaving the call, the clinic or the page: the iframe goes away, exactly once.
  close(): void {
    this.attempt++;
    this.teardown();
    this.setState({ status: "closed" });
  }

  hangUp(): void {
    this.api?.executeCommand("hangup");
  }

  toggleAudio(): void {
    this.api?.executeCommand("toggleAudio");
  }

  toggleVideo(): void {
    this.api?.executeCommand("toggleVideo");
  }

  private listen(): void {
    this.on("browserSupport", ({ supported }) => {
      this.clearTimeout();
      if (!supported) {
        this.fail("browser_unsupported");
      } else if (this.currentState.status === "connecting") {
        this.setState({ status: "waiting", room: this.currentState.room });
      }
    });
    this.on("videoConferenceJoined", ({ id, roomName }) => {
      this.clearTimeout();
      this.localParticipantId = id;
      this.others = 0;
      this.setState({ status: "in_call", room: roomName, others: 0 });
    });
    this.on("participantJoined", () => this.countOthers(1));
    this.on("participantLeft", () => this.countOthers(-1));
    // Only a moderator (the therapist, by the token) may switch the lobby on.
    this.on("participantRoleChanged", ({ id, role }) => {
      const local = !this.localParticipantId || id === this.localParticipantId;
      if (local && role === "moderator") {
        this.api?.executeCommand("toggleLobby", true);
      }
    });
    this.on("videoConferenceLeft", () => this.close());
    this.on("readyToClose", () => this.close());
    this.on("errorOccurred", ({ isFatal, type }) => {
      // Jitsi recovers from the others itself.
      if (isFatal) {
        this.fail(type === "CONNECTION" ? "unreachable" : "call_failed");
      }
    });
  }

  private on<K extends JitsiEventName>(event: K, listener: JitsiListener<K>) {
    const api = this.api;
    if (!api) {
      return;
    }
    api.addListener(event, listener);
    this.detachers.push(() => api.removeListener(event, listener));
  }

  private countOthers(change: number): void {
    if (this.currentState.status !== "in_call") {
      return;
    }
    this.others = Math.max(0, this.others + change);
    this.setState({ ...this.currentState, others: this.others });
  }

  private async freshTicket(): Promise<JitsiJoinTicket> {
    if (this.ticket && !this.expiresSoon(this.ticket)) {
      return this.ticket;
    }
    this.ticket = await this.options.fetchToken();
    return this.ticket;
  }

  private expiresSoon(ticket: JitsiJoinTicket): boolean {
    const expiresAt = Date.parse(ticket.expires_at);
    return (
      !Number.isFinite(expiresAt) ||
      expiresAt - this.timers.now() <= this.refreshLeadMs
    );
  }

  private scheduleRefresh(): void {
    this.clearRefresh();
    const ticket = this.ticket;
    if (!ticket) {
      return;
    }
    const delay = Math.max(
      0,
      Date.parse(ticket.expires_at) - this.refreshLeadMs - this.timers.now()
    );
    const attempt = this.attempt;
    this.refreshHandle = this.timers.setTimeout(() => {
      this.refreshHandle = null;
      this.options.fetchToken().then(
        (fresh) => {
          if (attempt === this.attempt) {
            this.ticket = fresh;
            this.scheduleRefresh();
          }
        },
        // The live call goes on; the next (re)join fetches again.
        () => {}
      );
    }, delay);
  }

  private withTimeout<T>(promise: Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const handle = this.timers.setTimeout(
        () => reject(new Error("timeout")),
        this.timeoutMs
      );
      promise.then(
        (value) => {
          this.timers.clearTimeout(handle);
          resolve(value);
        },
        (error: unknown) => {
          this.timers.clearTimeout(handle);
          reject(error instanceof Error ? error : new Error(String(error)));
        }
      );
    });
  }

  private fail(fault: JitsiFault, missingSettings: string[] = []): void {
    this.attempt++;
    this.teardown();
    this.setState({ status: "fault", fault, missingSettings });
  }

  private teardown(): void {
    this.clearTimeout();
    this.clearRefresh();
    const api = this.api;
    this.api = null;
    this.detachers.forEach((detach) => detach());
    this.detachers = [];
    this.localParticipantId = null;
    this.others = 0;
    api?.dispose();
  }

  private clearTimeout(): void {
    if (this.timeoutHandle !== null) {
      this.timers.clearTimeout(this.timeoutHandle);
      this.timeoutHandle = null;
    }
  }

  private clearRefresh(): void {
    if (this.refreshHandle !== null) {
      this.timers.clearTimeout(this.refreshHandle);
      this.refreshHandle = null;
    }
  }

  private setState(state: JitsiCallState): void {
    this.currentState = state;
    this.listeners.forEach((listener) => listener(state));
  }
}
