// Steers the clinic-dock service in rendering tests through its own seams (no Discourse
// double): Jitsi's script loader, the route on screen, and Pretender answers for the video
// and session endpoints of clinic 8 (docs/contract.md "## Video", "## Sessions").
import type RouterService from "@ember/routing/router-service";
import { settled } from "@ember/test-helpers";
import pretender from "discourse/tests/helpers/create-pretender";
import type { JitsiConstructor } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/jitsi-api";
import type { SessionsResponse } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/session-types";
import type {
  DockClinic,
  DockRoute,
} from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-dock";
import type ClinicDock from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-dock";
import type ClinicSessionClock from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-session-clock";
import { type FakeJitsiApi, fakeJitsiConstructor } from "./fake-jitsi-api";
import { FakeSessionClock } from "./fake-session-clock";
import { answer } from "./pretender-answer";
import { clientIdleFixture, SESSION_STARTED_AT_MS } from "./session-fixtures";

export const CLINIC: DockClinic = { id: 8, categoryId: 21, name: "Noa" };
export const VIDEO_URL = "/online-clinic/clinics/8/video.json";
export const EVENTS_URL = "/online-clinic/clinics/8/video/events.json";
export const SESSIONS_URL = "/online-clinic/clinics/8/sessions.json";

// What the token endpoint answers (docs/video.md "Token endpoint answer").
export function videoTicket() {
  return {
    provider: "self_hosted",
    domain: "meet.example.org",
    script_url: "https://meet.example.org/external_api.js",
    room: "0f1e2d3c4b5a69788796a5b4c3d2e1f0",
    jwt: "header.payload.signature",
    expires_at: "2099-12-04T21:05:00.000Z",
    server_now_ms: SESSION_STARTED_AT_MS + 600_000,
  };
}

// A topic page of a category (the "topic" route's model is the Topic).
export function topicRoute(categoryId: number): DockRoute {
  const topic: DockRoute = {
    name: "topic",
    parent: null,
    attributes: { id: 140, category_id: categoryId },
  };
  return { name: "topic.fromParams", parent: topic, attributes: {} };
}

// A category's topic list (discovery routes carry `category`).
export function categoryRoute(categoryId: number): DockRoute {
  return {
    name: "discovery.category",
    parent: null,
    attributes: { category: { id: categoryId } },
  };
}

interface Owner {
  lookup(name: string): unknown;
}

export interface DockHarness {
  dock: ClinicDock;
  instances: FakeJitsiApi[];
  scriptUrls: string[];
  tokenRequests: number;
  events: string[];
  navigate(route: DockRoute | null): Promise<void>;
  only(): FakeJitsiApi;
}

export function setupDock(
  owner: Owner,
  options: {
    sessions?: SessionsResponse;
    loadJitsi?: (url: string) => Promise<JitsiConstructor>;
    ticket?: () => ReturnType<typeof answer>;
  } = {}
): DockHarness {
  (owner.lookup("service:clinic-session-clock") as ClinicSessionClock).clock =
    new FakeSessionClock(SESSION_STARTED_AT_MS + 600_000);
  const dock = owner.lookup("service:clinic-dock") as ClinicDock;
  const router = owner.lookup("service:router") as RouterService;
  const fake = fakeJitsiConstructor();
  let route: DockRoute | null = topicRoute(CLINIC.categoryId);

  const harness: DockHarness = {
    dock,
    instances: fake.instances,
    scriptUrls: [],
    tokenRequests: 0,
    events: [],
    async navigate(next) {
      route = next;
      router.trigger("routeDidChange", {});
      await settled();
    },
    only() {
      if (fake.instances.length !== 1) {
        throw new Error(`expected one Jitsi, got ${fake.instances.length}`);
      }
      return fake.instances[0];
    },
  };

  dock.currentRoute = () => route;
  dock.loadJitsi =
    options.loadJitsi ??
    ((url) => {
      harness.scriptUrls.push(url);
      return Promise.resolve(fake.JitsiMeetExternalAPI);
    });
  pretender.get(SESSIONS_URL, () =>
    answer(200, options.sessions ?? clientIdleFixture())
  );
  pretender.get(VIDEO_URL, () => {
    harness.tokenRequests++;
    return options.ticket ? options.ticket() : answer(200, videoTicket());
  });
  pretender.post(EVENTS_URL, (request) => {
    harness.events.push(
      (JSON.parse(request.requestBody) as { event: string }).event
    );
    return answer(200, { success: "OK" });
  });
  return harness;
}
