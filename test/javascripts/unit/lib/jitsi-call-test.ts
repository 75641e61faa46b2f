import { module, test } from "qunit";
import type { JitsiConstructor } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/jitsi-api";
import {
  JitsiCall,
  type JitsiCallState,
  type JitsiCallTimers,
  type JitsiJoinTicket,
  VideoNotConfiguredError,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/jitsi-call";
import {
  type FakeJitsiApi,
  fakeJitsiConstructor,
} from "../../helpers/fake-jitsi-api";

// Time that moves only when the test says so.
class FakeTimers implements JitsiCallTimers {
  private time = Date.parse("2026-12-04T20:00:00.000Z");
  private nextHandle = 1;
  private readonly pending = new Map<number, { at: number; run: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const handle = this.nextHandle++;
    this.pending.set(handle, { at: this.time + ms, run: callback });
    return handle;
  }

  clearTimeout(handle: unknown): void {
    this.pending.delete(handle as number);
  }

  async advance(ms: number): Promise<void> {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.pending.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort(([, a], [, b]) => a.at - b.at)[0];
      if (!due) {
        break;
      }
      this.pending.delete(due[0]);
      this.time = due[1].at;
      due[1].run();
      await flush();
    }
    this.time = until;
    await flush();
  }
}

// Lets the call's awaited promises run.
async function flush(): Promise<void> {
  for (let i = 0; i < 5; i++) {
    await Promise.resolve();
  }
}

function ticket(overrides: Partial<JitsiJoinTicket> = {}): JitsiJoinTicket {
  return {
    provider: "self_hosted",
    domain: "meet.example.org",
    script_url: "https://meet.example.org/external_api.js",
    room: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    jwt: "header.payload.signature",
    expires_at: "2026-12-04T21:05:00.000Z",
    ...overrides,
  };
}

function setup(
  options: {
    loadApi?: (url: string) => Promise<JitsiConstructor>;
    fetchToken?: () => Promise<JitsiJoinTicket>;
  } = {}
) {
  const timers = new FakeTimers();
  const fake = fakeJitsiConstructor();
  const scriptUrls: string[] = [];
  const tokenRequests: number[] = [];
  const call = new JitsiCall({
    loadApi:
      options.loadApi ??
      ((url) => {
        scriptUrls.push(url);
        return Promise.resolve(fake.JitsiMeetExternalAPI);
      }),
    fetchToken:
      options.fetchToken ??
      (() => {
        tokenRequests.push(timers.now());
        return Promise.resolve(ticket());
      }),
    displayName: "Noa",
    timers,
  });
  const states: JitsiCallState[] = [];
  call.subscribe((state) => states.push(state));
  const parent = document.createElement("div");
  return { call, timers, fake, parent, states, scriptUrls, tokenRequests };
}

function faultOf(state: JitsiCallState): string | null {
  return state.status === "fault" ? state.fault : null;
}

function theOnlyInstance(instances: FakeJitsiApi[]): FakeJitsiApi {
  if (instances.length !== 1) {
    throw new Error(`expected one Jitsi instance, got ${instances.length}`);
  }
  return instances[0];
}

module("Unit | Lib | online-clinic | jitsi-call", function () {
  test("builds the iframe with prejoin, lobby, nothing recorded and the name read-only", async function (assert) {
    const { call, fake, parent, scriptUrls } = setup();
    await call.open(parent);

    const api = theOnlyInstance(fake.instances);
    assert.strictEqual(api.domain, "meet.example.org");
    assert.deepEqual(scriptUrls, ["https://meet.example.org/external_api.js"]);
    const { options } = api;
    assert.strictEqual(options.roomName, "0f1e2d3c4b5a69788796a5b4c3d2e1f0");
    assert.strictEqual(options.jwt, "header.payload.signature");
    assert.strictEqual(options.parentNode, parent);
    assert.deepEqual(options.userInfo, { displayName: "Noa" });
    const config = options.configOverwrite ?? {};
    assert.deepEqual(
      config.prejoinConfig,
      { enabled: true },
      "prejoin page on"
    );
    assert.deepEqual(config.lobby, { autoKnock: true, enableChat: false });
    assert.deepEqual(config.recordingService, {
      enabled: false,
      sharingEnabled: false,
    });
    assert.false(config.fileRecordingsEnabled, "file recording off");
    assert.deepEqual(config.localRecording, { disable: true });
    assert.deepEqual(config.liveStreaming, { enabled: false });
    assert.false(config.liveStreamingEnabled, "live streaming off");
    assert.deepEqual(config.transcription, { enabled: false });
    assert.deepEqual(config.deeplinking, { disabled: true });
    assert.true(config.disableDeepLinking, "no hand-off to the mobile app");
    assert.true(config.disableThirdPartyRequests, "no third-party requests");
    assert.true(config.readOnlyName, "display name read-only");
    assert.strictEqual(parent.querySelectorAll("iframe").length, 1);
  });

  test("opening twice makes one iframe", async function (assert) {
    const { call, fake, parent } = setup();
    const first = call.open(parent);
    const second = call.open(parent);
    await Promise.all([first, second]);
    await call.open(parent);

    assert.strictEqual(fake.instances.length, 1);
    assert.strictEqual(parent.querySelectorAll("iframe").length, 1);
  });

  test("goes from connecting to waiting (prejoin, lobby) to in the call", async function (assert) {
    const { call, fake, parent, states } = setup();
    await call.open(parent);
    const api = theOnlyInstance(fake.instances);
    assert.strictEqual(call.state.status, "connecting");

    api.emit("browserSupport", { supported: true });
    assert.strictEqual(call.state.status, "waiting");

    api.emit("videoConferenceJoined", {
      roomName: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
      id: "local",
      displayName: "Noa",
      avatarURL: "",
      breakoutRoom: false,
    });
    api.emit("participantJoined", { id: "dana", displayName: "Dana" });
    assert.deepEqual(call.state, {
      status: "in_call",
      room: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
      others: 1,
    });
    api.emit("participantLeft", { id: "dana" });
    assert.deepEqual(call.state, {
      status: "in_call",
      room: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
      others: 0,
    });
    assert.deepEqual(
      states.map((state) => state.status),
      [
        "closed",
        "loading",
        "connecting",
        "waiting",
        "in_call",
        "in_call",
        "in_call",
      ]
    );
  });

  test("the therapist, once moderator, switches the lobby on", async function (assert) {
    const { call, fake, parent } = setup();
    await call.open(parent);
    const api = theOnlyInstance(fake.instances);
    api.emit("videoConferenceJoined", {
      roomName: "r",
      id: "local",
      displayName: "Dana",
      avatarURL: "",
      breakoutRoom: false,
    });
    api.emit("participantRoleChanged", {
      id: "someone-else",
      role: "moderator",
    });
    assert.deepEqual(
      api.commands,
      [],
      "another participant's role is not ours"
    );

    api.emit("participantRoleChanged", { id: "local", role: "moderator" });
    assert.deepEqual(api.commands, [{ command: "toggleLobby", args: [true] }]);
  });

  test("closing disposes the iframe exactly once", async function (assert) {
    const { call, fake, parent } = setup();
    await call.open(parent);
    const api = theOnlyInstance(fake.instances);

    call.close();
    call.close();
    api.emit("readyToClose", undefined);

    assert.strictEqual(api.disposeCount, 1);
    assert.strictEqual(api.listenerCount(), 0, "no listener left behind");
    assert.strictEqual(call.state.status, "closed");
    assert.strictEqual(parent.querySelectorAll("iframe").length, 0);
  });

  test("readyToClose (hung up in Jitsi) disposes once and closes", async function (assert) {
    const { call, fake, parent } = setup();
    await call.open(parent);
    const api = theOnlyInstance(fake.instances);

    api.emit("videoConferenceLeft", { roomName: "r" });
    api.emit("readyToClose", undefined);

    assert.strictEqual(api.disposeCount, 1);
    assert.strictEqual(call.state.status, "closed");
  });

  test("readyToClose alone also closes", async function (assert) {
    const { call, fake, parent } = setup();
    await call.open(parent);
    const api = theOnlyInstance(fake.instances);

    api.emit("readyToClose", undefined);
    call.close();

    assert.strictEqual(api.disposeCount, 1);
    assert.strictEqual(call.state.status, "closed");
  });

  test("a fatal errorOccurred disposes once and shows the fault; a passing one does not", async function (assert) {
    const { call, fake, parent } = setup();
    await call.open(parent);
    const api = theOnlyInstance(fake.instances);

    api.emit("errorOccurred", {
      name: "connection.droppedError",
      type: "CONNECTION",
      isFatal: false,
    });
    assert.strictEqual(
      api.disposeCount,
      0,
      "Jitsi recovers from this one itself"
    );

    api.emit("errorOccurred", {
      name: "conference.authenticationRequired",
      type: "CONFERENCE",
      isFatal: true,
    });
    api.emit("errorOccurred", {
      name: "conference.authenticationRequired",
      type: "CONFERENCE",
      isFatal: true,
    });
    assert.strictEqual(api.disposeCount, 1);
    assert.deepEqual(call.state, {
      status: "fault",
      fault: "call_failed",
      missingSettings: [],
    });
    call.close();
    assert.strictEqual(api.disposeCount, 1, "closing the dock after a fault");
  });

  test("a fatal connection error is reported as Jitsi unreachable", async function (assert) {
    const { call, fake, parent } = setup();
    await call.open(parent);
    theOnlyInstance(fake.instances).emit("errorOccurred", {
      name: "connection.otherError",
      type: "CONNECTION",
      isFatal: true,
    });
    assert.strictEqual(faultOf(call.state), "unreachable");
  });

  test("a script that fails to load is script_failed at once, and retry works", async function (assert) {
    let fail = true;
    const fake = fakeJitsiConstructor();
    const { call, parent } = setup({
      loadApi: () =>
        fail
          ? Promise.reject(new Error("loadScript failed"))
          : Promise.resolve(fake.JitsiMeetExternalAPI),
    });
    await call.open(parent);
    assert.deepEqual(call.state, {
      status: "fault",
      fault: "script_failed",
      missingSettings: [],
    });

    fail = false;
    await call.retry();
    assert.strictEqual(call.state.status, "connecting");
    assert.strictEqual(fake.instances.length, 1);
  });

  test("a script that never loads is script_failed after 10 s, not before", async function (assert) {
    const { call, timers, parent } = setup({
      loadApi: () => new Promise<JitsiConstructor>(() => {}),
    });
    const opening = call.open(parent);
    await timers.advance(9_999);
    assert.strictEqual(call.state.status, "loading");

    await timers.advance(1);
    await opening;
    assert.strictEqual(faultOf(call.state), "script_failed");
  });

  test("no word from Jitsi within 10 s is unreachable; the iframe goes, and retry works", async function (assert) {
    const { call, timers, fake, parent } = setup();
    await call.open(parent);
    await timers.advance(9_999);
    assert.strictEqual(call.state.status, "connecting");

    await timers.advance(1);
    assert.deepEqual(call.state, {
      status: "fault",
      fault: "unreachable",
      missingSettings: [],
    });
    assert.strictEqual(fake.instances[0].disposeCount, 1);
    assert.strictEqual(parent.querySelectorAll("iframe").length, 0);

    await call.retry();
    assert.strictEqual(fake.instances.length, 2);
    assert.strictEqual(call.state.status, "connecting");
  });

  test("a member on the prejoin page for longer than 10 s is not a fault", async function (assert) {
    const { call, timers, fake, parent } = setup();
    await call.open(parent);
    await timers.advance(2_000);
    theOnlyInstance(fake.instances).emit("browserSupport", { supported: true });
    await timers.advance(60_000);

    assert.strictEqual(call.state.status, "waiting");
    assert.strictEqual(theOnlyInstance(fake.instances).disposeCount, 0);
  });

  test("a browser Jitsi cannot serve is said so", async function (assert) {
    const { call, fake, parent } = setup();
    await call.open(parent);
    theOnlyInstance(fake.instances).emit("browserSupport", {
      supported: false,
    });
    assert.strictEqual(faultOf(call.state), "browser_unsupported");
    assert.strictEqual(theOnlyInstance(fake.instances).disposeCount, 1);
  });

  test("video not configured: no script is loaded and the missing settings are passed on", async function (assert) {
    const { call, parent, scriptUrls } = setup({
      fetchToken: () =>
        Promise.reject(
          new VideoNotConfiguredError(["online_clinic_jitsi_provider"])
        ),
    });
    await call.open(parent);
    assert.deepEqual(call.state, {
      status: "fault",
      fault: "not_configured",
      missingSettings: ["online_clinic_jitsi_provider"],
    });
    assert.deepEqual(scriptUrls, []);
  });

  test("closing while the script loads leaves no iframe behind", async function (assert) {
    let loaded: (value: JitsiConstructor) => void = () => {};
    const fake = fakeJitsiConstructor();
    const { call, parent } = setup({
      loadApi: () =>
        new Promise<JitsiConstructor>((resolve) => (loaded = resolve)),
    });
    const opening = call.open(parent);
    await flush();
    call.close();
    loaded(fake.JitsiMeetExternalAPI);
    await opening;

    assert.strictEqual(fake.instances.length, 0);
    assert.strictEqual(call.state.status, "closed");
  });

  test("fetches a new token before the old one expires, and rejoins with it", async function (assert) {
    let served = 0;
    const tickets = [
      ticket({ jwt: "first", expires_at: "2026-12-04T21:05:00.000Z" }),
      ticket({ jwt: "second", expires_at: "2026-12-04T22:10:00.000Z" }),
    ];
    const { call, timers, fake, parent } = setup({
      fetchToken: () => Promise.resolve(tickets[Math.min(served++, 1)]),
    });
    await call.open(parent);
    theOnlyInstance(fake.instances).emit("browserSupport", { supported: true });
    assert.strictEqual(served, 1);

    // 21:05 minus the 5-minute lead is an hour after 20:00.
    await timers.advance(59 * 60_000);
    assert.strictEqual(served, 1, "not yet");
    await timers.advance(60_000);
    assert.strictEqual(served, 2, "refreshed five minutes before expiry");
    assert.strictEqual(call.state.status, "waiting", "the live call goes on");

    fake.instances[0].emit("errorOccurred", {
      name: "connection.otherError",
      type: "CONNECTION",
      isFatal: true,
    });
    await call.retry();
    assert.strictEqual(fake.instances[1].options.jwt, "second");
    assert.strictEqual(served, 2, "the refreshed token is still good");
  });

  test("a retry after the token has gone stale fetches a new one first", async function (assert) {
    const { call, timers, fake, parent, tokenRequests } = setup();
    await call.open(parent);
    await timers.advance(10_000);
    assert.strictEqual(call.state.status, "fault");
    assert.strictEqual(tokenRequests.length, 1);

    await timers.advance(2 * 60 * 60_000);
    await call.retry();
    assert.strictEqual(tokenRequests.length, 2);
    assert.strictEqual(fake.instances.length, 2);
  });

  test("subscribers hear the current state at once and can stop listening", async function (assert) {
    const { call, parent } = setup();
    const heard: string[] = [];
    const unsubscribe = call.subscribe((state) => heard.push(state.status));
    assert.deepEqual(heard, ["closed"]);
    unsubscribe();
    await call.open(parent);
    assert.deepEqual(heard, ["closed"]);
  });
});
