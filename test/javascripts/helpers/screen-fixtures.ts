// Steers the clinic-screen service in rendering tests through its own seams: a hand-driven
// clock (its 250 ms tick runs when a test says so), a fake YouTube IFrame API, and Pretender
// answers for the screen endpoints of clinic 8 (docs/contract.md "## Screen (issue 7)").
import { settled } from "@ember/test-helpers";
import pretender from "discourse/tests/helpers/create-pretender";
import type { ScreenItem } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-sync";
import type {
  YouTubeNamespace,
  YouTubePlayer,
  YouTubePlayerOptions,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/youtube-api";
import type ClinicScreen from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-screen";
import type {
  LinkPreview,
  ScreenItemJson,
  ScreenPermissions,
  ScreenStateJson,
} from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-screen-api";
import { clientClinicFixture } from "./online-clinic-fixtures";
import { answer } from "./pretender-answer";

export const SCREEN_URL = "/online-clinic/clinics/8/screen.json";
export const T0 = 1_796_400_000_000;
// eviltrout, the rendering tests' current user; Dror Green is clinic 8's therapist.
export const ME = 19;
export const DROR = 10;

export function screenState(
  extra: Partial<ScreenStateJson> = {}
): ScreenStateJson {
  return {
    seq: 1,
    server_time_ms: T0,
    leader_id: null,
    lead_expires_at_ms: null,
    locked: false,
    item: null,
    reading: { position: 0, page: null },
    video: null,
    ...extra,
  };
}

export function upload(name: string) {
  return {
    url: `/uploads/default/original/1X/${name}`,
    original_filename: name,
    extension: name.split(".").pop() ?? null,
    filesize: 1000,
  };
}

export function documentItem(name: string, id = 501): ScreenItemJson {
  return { kind: "document", document_id: id, upload: upload(name) };
}

export class FakeYouTubePlayer implements YouTubePlayer {
  static instances: FakeYouTubePlayer[] = [];
  readonly element: HTMLIFrameElement;
  readonly options: YouTubePlayerOptions;
  destroyed = false;

  constructor(element: HTMLIFrameElement, options: YouTubePlayerOptions) {
    this.element = element;
    this.options = options;
    FakeYouTubePlayer.instances.push(this);
  }

  playVideo() {}
  pauseVideo() {}
  seekTo() {}
  getCurrentTime() {
    return 0;
  }

  getPlayerState() {
    return -1;
  }

  getPlaybackRate() {
    return 1;
  }

  setPlaybackRate() {}
  destroy() {
    this.destroyed = true;
  }
}

interface Owner {
  lookup(name: string): unknown;
}

export interface ScreenHarness {
  screen: ClinicScreen;
  puts: Array<Record<string, unknown>>;
  heartbeats: number;
  releases: number;
  tick(ms?: number): Promise<void>;
  now: number;
}

export function setupScreen(
  owner: Owner,
  options: {
    state?: ScreenStateJson;
    permissions?: ScreenPermissions;
    preview?: Partial<LinkPreview>;
    put?: (body: Record<string, unknown>) => ReturnType<typeof answer>;
  } = {}
): ScreenHarness {
  const screen = owner.lookup("service:clinic-screen") as ClinicScreen;
  let ticks: Array<() => void> = [];
  const harness: ScreenHarness = {
    screen,
    puts: [],
    heartbeats: 0,
    releases: 0,
    now: T0,
    async tick(ms = 250) {
      harness.now += ms;
      ticks.forEach((callback) => callback());
      await settled();
    },
  };
  screen.clock = {
    now: () => harness.now,
    every: (callback) => {
      ticks.push(callback);
      return () => (ticks = ticks.filter((c) => c !== callback));
    },
  };
  FakeYouTubePlayer.instances = [];
  screen.loadYouTube = () =>
    Promise.resolve({ Player: FakeYouTubePlayer } as YouTubeNamespace);
  let current = options.state ?? screenState();
  pretender.get(SCREEN_URL, () =>
    answer(200, {
      state: current,
      permissions: options.permissions ?? { can_lead: true, can_lock: false },
      server_now_ms: harness.now,
    })
  );
  pretender.get("/online-clinic/clinics/8.json", () =>
    answer(200, clientClinicFixture())
  );
  pretender.get("/online-clinic/clinics/8/screen/preview.json", (request) =>
    answer(200, {
      url: request.queryParams.url,
      title: "The sea",
      description: "About waves",
      image_url: null,
      domain: "example.org",
      frameable: true,
      ...options.preview,
    })
  );
  pretender.put(SCREEN_URL, (request) => {
    const body = JSON.parse(request.requestBody) as Record<string, unknown>;
    harness.puts.push(body);
    if (options.put) {
      return options.put(body);
    }
    current = {
      ...current,
      seq: current.seq + 1,
      item: body.item as ScreenItem,
      reading: (body.reading as ScreenStateJson["reading"]) ?? current.reading,
    };
    return answer(200, { state: current, server_now_ms: harness.now });
  });
  const change = (next: Partial<ScreenStateJson>) => () => {
    current = { ...current, ...next, seq: current.seq + 1 };
    return answer(200, { state: current, server_now_ms: harness.now });
  };
  pretender.post(
    "/online-clinic/clinics/8/screen/lead.json",
    change({ leader_id: ME, lead_expires_at_ms: T0 + 30_000 })
  );
  pretender.delete("/online-clinic/clinics/8/screen/lead.json", () => {
    harness.releases++;
    return change({ leader_id: null, lead_expires_at_ms: null })();
  });
  pretender.put("/online-clinic/clinics/8/screen/heartbeat.json", () => {
    harness.heartbeats++;
    return change({ lead_expires_at_ms: harness.now + 30_000 })();
  });
  pretender.put("/online-clinic/clinics/8/screen/lock.json", (request) => {
    const locked = (JSON.parse(request.requestBody) as { locked: boolean })
      .locked;
    return change({ locked })();
  });
  return harness;
}
