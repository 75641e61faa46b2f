// The preview's stand-in for the shared screen's endpoints (docs/contract.md, "Screen (issue
// 7)"; docs/screen.md). The state lives in the shared practice, so the therapist's and the
// client's windows agree, and every change is published to both as `screen_state`.
//
// URL policy: the client's own checkScreenUrl, plus one preview-only exception. The preview is
// an offline demo served from 127.0.0.1, and its demo files (a page, a text, a PDF, a sound)
// live under /uploads/preview/ on that origin; the real server refuses loopback addresses
// (`private_host`), because such an address means a different machine for each member.
import type { ServerScreenState } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-sync";
import {
  checkScreenUrl,
  type ScreenUrlVerdict,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-url-policy";
import { isYouTubeVideoId } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/youtube-video-id";
import type { DemoClinic } from "./demo-data";
import type { FakeClinicServer, PracticeState, Reply } from "./fake-server";
import { bodyOf, json } from "./fake-server";

const LEAD_TIMEOUT_MS = 30_000;
const SAMPLE_MAX_AGE_MS = 5_000;
const RATE_LIMIT_PER_MINUTE = 120;
const PREVIEW_UPLOADS = "/uploads/preview/";

// What was shown, when and by whom: the timeline's "screen" entries (the server's ScreenShow).
export interface StoredScreenShow {
  at: string;
  user_id: number;
  item: NonNullable<ServerScreenState["item"]>;
}

type ScreenPractice = PracticeState & {
  screens?: Record<number, ServerScreenState>;
  screen_shows?: Record<number, StoredScreenShow[]>;
};

export function screenShowsOf(
  state: PracticeState,
  clinicId: number
): StoredScreenShow[] {
  return (state as ScreenPractice).screen_shows?.[clinicId] ?? [];
}

function initialState(): ServerScreenState {
  return {
    seq: 0,
    server_time_ms: null,
    leader_id: null,
    lead_expires_at_ms: null,
    locked: false,
    item: null,
    reading: { position: 0, page: null },
    video: null,
  };
}

// The preview-only exception described above.
function isPreviewUpload(url: string): boolean {
  try {
    const parsed = new URL(url);
    return (
      parsed.origin === window.location.origin &&
      parsed.pathname.startsWith(PREVIEW_UPLOADS) &&
      !parsed.username &&
      !parsed.password
    );
  } catch {
    return false;
  }
}

/** The preview's address check, for the server stand-in and the browser's early check. */
export function previewAddressCheck(input: unknown): ScreenUrlVerdict {
  if (typeof input === "string" && isPreviewUpload(input.trim())) {
    return { accepted: true, url: new URL(input.trim()).href };
  }
  return checkScreenUrl(input);
}

type UrlCheck = { url: string } | { reason: string };

function checkUrl(input: unknown): UrlCheck {
  const verdict = previewAddressCheck(input);
  return verdict.accepted ? { url: verdict.url } : { reason: verdict.reason };
}

// What the demo's link cards say. Only the demo page is known to allow framing; sites that
// are known to refuse it are marked so; of anything else the preview cannot know (null).
const REFUSE_FRAMING = ["youtube.com", "facebook.com"];
const refusesFraming = (host: string) =>
  REFUSE_FRAMING.some(
    (domain) => host === domain || host.endsWith(`.${domain}`)
  );

export function serveScreen(server: FakeClinicServer): void {
  const practice = () => server.state as ScreenPractice;
  const recentPuts = new Map<string, number[]>();

  const stateOf = (clinic: DemoClinic): ServerScreenState =>
    (practice().screens ??= {})[clinic.id] ?? initialState();

  const role = (clinic: DemoClinic, userId: number) =>
    server.roleOf(clinic, userId);

  // ScreenState.expire: a lead silent for 30 s is released; what was shown stays.
  const expired = (state: ServerScreenState, now: number): ServerScreenState =>
    state.leader_id !== null &&
    state.lead_expires_at_ms !== null &&
    now >= state.lead_expires_at_ms
      ? { ...state, leader_id: null, lead_expires_at_ms: null }
      : state;

  const uploadOf = (clinic: DemoClinic, uploadId: number) => {
    for (const item of server.state.folderItems ?? []) {
      if (item.clinic_id !== clinic.id) {
        continue;
      }
      const found = item.uploads.find((u) => u.id === uploadId);
      if (found) {
        return {
          url: found.url,
          original_filename: found.original_filename,
          extension: found.extension,
          filesize: found.filesize,
        };
      }
    }
    return null;
  };

  // ScreenStateJson: a document or video item carries its upload, for display.
  const stateJson = (clinic: DemoClinic, state: ServerScreenState) => {
    const item = state.item;
    if (item && (item.kind === "document" || item.kind === "video")) {
      return {
        ...state,
        item: { ...item, upload: uploadOf(clinic, item.document_id) },
      };
    }
    return state;
  };

  const refuse = (
    status: number,
    errorType: string,
    extra: Record<string, unknown> = {}
  ): Reply => {
    const key = errorType.startsWith("url_")
      ? errorType
      : errorType === "document_not_in_clinic" ||
          errorType === "not_leader" ||
          errorType === "lead_locked" ||
          errorType === "not_therapist" ||
          errorType === "invalid_payload" ||
          errorType === "archived"
        ? errorType
        : "failed";
    return json(status, {
      errors: [server.text(`online_clinic.screen.errors.${key}`)],
      error_type: errorType,
      ...extra,
    });
  };

  // Stores the next state under the next sequence number and tells both windows.
  const commit = (
    clinic: DemoClinic,
    next: ServerScreenState,
    now: number
  ): ServerScreenState => {
    const previous = stateOf(clinic);
    const stamped = { ...next, seq: previous.seq + 1, server_time_ms: now };
    (practice().screens ??= {})[clinic.id] = stamped;
    if (
      stamped.item &&
      stamped.leader_id !== null &&
      JSON.stringify(stamped.item) !== JSON.stringify(previous.item)
    ) {
      ((practice().screen_shows ??= {})[clinic.id] ??= []).push({
        at: new Date(now).toISOString(),
        user_id: stamped.leader_id,
        item: stamped.item,
      });
    }
    server.changed(clinic, {
      type: "screen_state",
      state: stateJson(clinic, stamped),
    });
    return stamped;
  };

  const answer = (clinic: DemoClinic, state: ServerScreenState, now: number) =>
    json(200, { state: stateJson(clinic, state), server_now_ms: now });

  // Reads a member's request: the clinic, who asks, the state with a timed-out lead released.
  const open = (id: unknown) => {
    const found = server.member(id);
    if (Array.isArray(found)) {
      return found;
    }
    const now = Date.now();
    const state = expired(stateOf(found.clinic), now);
    return { ...found, now, state };
  };

  const parseItem = (
    clinic: DemoClinic,
    raw: unknown
  ): { item: ServerScreenState["item"] } | Reply => {
    if (raw === null) {
      return { item: null };
    }
    if (typeof raw !== "object" || raw === null) {
      return refuse(422, "invalid_payload", { field: "item" });
    }
    const item = raw as Record<string, unknown>;
    switch (item.kind) {
      case "page": {
        const checked = checkUrl(item.url);
        return "url" in checked
          ? { item: { kind: "page", url: checked.url } }
          : refuse(422, `url_${checked.reason}`);
      }
      case "youtube":
        return isYouTubeVideoId(item.video_id)
          ? { item: { kind: "youtube", video_id: item.video_id } }
          : refuse(422, "invalid_payload", { field: "video_id" });
      case "document":
      case "video": {
        const id = Number(item.document_id);
        if (!Number.isInteger(id)) {
          return refuse(422, "invalid_payload", { field: "document_id" });
        }
        return uploadOf(clinic, id)
          ? { item: { kind: item.kind, document_id: id } }
          : refuse(422, "document_not_in_clinic");
      }
      default:
        return refuse(422, "invalid_payload", { field: "item" });
    }
  };

  const rateLimited = (clinicId: number, userId: number, now: number) => {
    const key = `${clinicId}:${userId}`;
    const recent = (recentPuts.get(key) ?? []).filter((t) => now - t < 60_000);
    recent.push(now);
    recentPuts.set(key, recent);
    return recent.length > RATE_LIMIT_PER_MINUTE;
  };

  // The demo files are real files of the preview's web server (demo-media.mjs): let the
  // screen's fetch of a text reach it instead of the stand-in server.
  server.pretender.get(`${PREVIEW_UPLOADS}:name`, server.pretender.passthrough);

  server.pretender.get("/online-clinic/clinics/:id/screen.json", (request) => {
    const found = open(request.params.id);
    if (Array.isArray(found)) {
      return found;
    }
    const therapist = role(found.clinic, found.userId) === "therapist";
    const isOpen = found.clinic.status === "open";
    return json(200, {
      state: stateJson(found.clinic, found.state),
      permissions: {
        can_lead: isOpen && (!found.state.locked || therapist),
        can_lock: isOpen && therapist,
      },
      server_now_ms: found.now,
    });
  });

  server.pretender.put("/online-clinic/clinics/:id/screen.json", (request) => {
    const found = open(request.params.id);
    if (Array.isArray(found)) {
      return found;
    }
    const { clinic, userId, now, state } = found;
    if (clinic.status !== "open") {
      return refuse(422, "archived");
    }
    if (state.leader_id !== null && state.leader_id !== userId) {
      return refuse(409, "not_leader", { state: stateJson(clinic, state) });
    }
    if (
      state.leader_id === null &&
      state.locked &&
      role(clinic, userId) !== "therapist"
    ) {
      return refuse(403, "lead_locked");
    }
    if (rateLimited(clinic.id, userId, now)) {
      // Discourse's own RateLimiter answer (its text is Discourse's, translated there).
      return json(429, {
        errors: [
          "You’ve performed this action too many times. Please wait a few seconds before trying again.",
        ],
        error_type: "rate_limit",
        extras: { wait_seconds: 5 },
      });
    }
    const body = bodyOf(request.requestBody);
    const parsed = parseItem(clinic, body.item);
    if (Array.isArray(parsed)) {
      return parsed;
    }
    const reading = (body.reading ?? {}) as Record<string, unknown>;
    const position = Number(reading.position ?? 0);
    const page =
      reading.page === null || reading.page === undefined
        ? null
        : Number(reading.page);
    if (
      !Number.isFinite(position) ||
      (page !== null && (!Number.isInteger(page) || page < 1))
    ) {
      return refuse(422, "invalid_payload", { field: "reading" });
    }
    let video: ServerScreenState["video"] = null;
    if (body.video) {
      const v = body.video as Record<string, unknown>;
      const sampled = Number(v.sampled_at_ms);
      const rate = Number(v.rate ?? 1);
      const at =
        Number.isFinite(sampled) &&
        sampled <= now &&
        now - sampled <= SAMPLE_MAX_AGE_MS
          ? sampled
          : now;
      if (
        typeof v.playing !== "boolean" ||
        !Number.isFinite(Number(v.position)) ||
        !(rate >= 0.25 && rate <= 2)
      ) {
        return refuse(422, "invalid_payload", { field: "video" });
      }
      video = {
        playing: v.playing,
        position: Math.max(0, Number(v.position)),
        rate,
        at_ms: at,
      };
    }
    const next = commit(
      clinic,
      {
        ...state,
        leader_id: userId,
        lead_expires_at_ms: now + LEAD_TIMEOUT_MS,
        item: parsed.item,
        reading: { position: Math.min(1, Math.max(0, position)), page },
        video,
      },
      now
    );
    return answer(clinic, next, now);
  });

  type Opened = Exclude<ReturnType<typeof open>, Reply>;

  // One change of the lead or lock: the member's request read, then either a refusal or the
  // next state, which is committed and answered.
  const screenAction = (
    method: "post" | "put" | "delete",
    path: string,
    decide: (
      found: Opened,
      body: Record<string, unknown>
    ) => Reply | ServerScreenState
  ): void => {
    server.pretender[method](
      `/online-clinic/clinics/:id/screen/${path}`,
      (request) => {
        const found = open(request.params.id);
        if (Array.isArray(found)) {
          return found;
        }
        const next = decide(found, bodyOf(request.requestBody));
        if (Array.isArray(next)) {
          return next;
        }
        return answer(
          found.clinic,
          commit(found.clinic, next, found.now),
          found.now
        );
      }
    );
  };

  const notLeader = ({ clinic, state }: Opened): Reply =>
    refuse(409, "not_leader", { state: stateJson(clinic, state) });

  screenAction("post", "lead.json", ({ clinic, userId, now, state }) =>
    state.locked && role(clinic, userId) !== "therapist"
      ? refuse(403, "lead_locked")
      : {
          ...state,
          leader_id: userId,
          lead_expires_at_ms: now + LEAD_TIMEOUT_MS,
        }
  );

  screenAction("delete", "lead.json", (found) =>
    found.state.leader_id !== found.userId
      ? notLeader(found)
      : { ...found.state, leader_id: null, lead_expires_at_ms: null }
  );

  screenAction("put", "heartbeat.json", (found) =>
    found.state.leader_id !== found.userId
      ? notLeader(found)
      : { ...found.state, lead_expires_at_ms: found.now + LEAD_TIMEOUT_MS }
  );

  screenAction("put", "lock.json", ({ clinic, userId, state }, body) =>
    role(clinic, userId) !== "therapist"
      ? refuse(403, "not_therapist")
      : { ...state, locked: body.locked === true }
  );

  server.pretender.get(
    "/online-clinic/clinics/:id/screen/preview.json",
    (request) => {
      const found = server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const checked = checkUrl(request.queryParams.url);
      if (!("url" in checked)) {
        return refuse(422, `url_${checked.reason}`);
      }
      const url = new URL(checked.url);
      const demoPage = isPreviewUpload(checked.url);
      return json(200, {
        url: checked.url,
        title: demoPage ? "The sea, slowly" : null,
        description: demoPage
          ? "A short article about watching waves, for the preview."
          : null,
        image_url: null,
        domain: url.hostname,
        frameable: demoPage
          ? true
          : refusesFraming(url.hostname)
            ? false
            : null,
      });
    }
  );
}
