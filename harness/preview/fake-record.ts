// The preview's stand-in for the record endpoints (docs/contract.md, "Record"): the timeline
// built from the preview's own state (audit entries, sessions, folder items, the demo topics
// with a few demo posts), the record check, and exports written by the real Ruby ArchiveWriter
// through the preview server's bridge (POST /__preview/export, input shape at the top of
// harness/preview/export-demo.rb), offered as a blob: download. Exports live in this window.
import type { JsonValue } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/audit-chain";
import { verifyChain } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/audit-chain";
import type { AuditEntry } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";
import {
  type RecordExport,
  TIMELINE_KINDS,
  type TimelineEntry,
  type TimelineKind,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/record-types";
import type { DemoClinic } from "./demo-data";
import { DEMO_TOPICS } from "./demo-data";
import { screenShowsOf } from "./fake-screen";
import type { FakeClinicServer, Reply } from "./fake-server";
import { json, summary, userById } from "./fake-server";
import type { StoredSession } from "./fake-sessions";

const CLINIC_ACTIONS = new Set([
  "clinic_opened",
  "clinic_renamed",
  "clinic_archived",
  "clinic_reopened",
]);
const MEMBERSHIP_ACTIONS = new Set([
  "client_added",
  "client_invited",
  "client_removed",
  "therapist_added",
]);
const RECORD_ACTIONS = new Set(["session_sealed", "clinic_exported"]);
const MINUTE_MS = 60000;

interface DemoPost {
  id: number;
  topic_id: number;
  post_number: number;
  user_id: number;
  raw: string;
  created_at: string;
  revisions: {
    number: number;
    user_id: number;
    raw: string;
    created_at: string;
  }[];
  deleted: { by_id: number; at: string } | null;
}

interface DemoTopic {
  id: number;
  title: string;
  created_at: string;
  folder_name: string | null;
  posts: DemoPost[];
}

const later = (iso: string, ms: number) =>
  new Date(new Date(iso).getTime() + ms).toISOString();

// The demo topics of a clinic, each opened by its client, with a
// therapist's reply that was edited twice and, in the first clinic, a deleted post.
function demoTopics(server: FakeClinicServer, clinic: DemoClinic): DemoTopic[] {
  const client = clinic.members.find((m) => m.role === "client")?.user_id ?? 1;
  // The preview's audit log is written when the demo is reset, so the topics follow its
  // first entry (minutes apart) to keep the history in a believable order.
  const start =
    (server.state.audit[clinic.id] ?? [])[0]?.created_at ?? clinic.created_at;
  return (DEMO_TOPICS[clinic.id] ?? []).map((topic, index) => {
    const opened = later(start, (index * 20 + 2) * MINUTE_MS);
    const posts: DemoPost[] = [
      {
        id: topic.id * 10 + 1,
        topic_id: topic.id,
        post_number: 1,
        user_id: client,
        raw:
          index === 0
            ? "Hello. I am not sure where to start, so I will just write."
            : "I keep writing letters to him that I never send. Here is one.",
        created_at: opened,
        revisions: [],
        deleted: null,
      },
      {
        id: topic.id * 10 + 2,
        topic_id: topic.id,
        post_number: 2,
        user_id: 1,
        raw: "Thank you for writing. Take the time you need; I read everything.",
        created_at: later(opened, 3 * MINUTE_MS),
        revisions: [
          {
            number: 2,
            user_id: 1,
            raw: "Thank you for writing. Take the time you need.",
            created_at: later(opened, 4 * MINUTE_MS),
          },
          {
            number: 3,
            user_id: 1,
            raw: "Thank you for writing. Take the time you need; I read everything.",
            created_at: later(opened, 5 * MINUTE_MS),
          },
        ],
        deleted: null,
      },
    ];
    if (clinic.id === 1 && index === 1) {
      posts.push({
        id: topic.id * 10 + 3,
        topic_id: topic.id,
        post_number: 3,
        user_id: client,
        raw: "(a message the client thought better of)",
        created_at: later(opened, 8 * MINUTE_MS),
        revisions: [],
        deleted: { by_id: client, at: later(opened, 9 * MINUTE_MS) },
      });
    }
    return {
      id: topic.id,
      title: topic.title,
      created_at: opened,
      folder_name: null,
      posts,
    };
  });
}

function excerpt(raw: string): string {
  const text = raw.replace(/\s+/g, " ").trim();
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

function sessionTimes(session: StoredSession) {
  const started = session.clock.started_at_ms;
  return {
    started_at: started === null ? null : new Date(started).toISOString(),
    ended_at:
      session.clock.ended_at_ms === null
        ? null
        : new Date(session.clock.ended_at_ms).toISOString(),
  };
}

function actualSeconds(session: StoredSession): number {
  const { started_at_ms, ended_at_ms, paused_total_ms } = session.clock;
  if (started_at_ms === null) {
    return 0;
  }
  const end = ended_at_ms ?? Date.now();
  return Math.max(
    0,
    Math.round((end - started_at_ms - paused_total_ms) / 1000)
  );
}

function bytesToBase64(bytes: Uint8Array): string {
  let text = "";
  for (const byte of bytes) {
    text += String.fromCharCode(byte);
  }
  return btoa(text);
}

async function sha1Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", bytes);
  return Array.from(new Uint8Array(digest), (b) =>
    b.toString(16).padStart(2, "0")
  ).join("");
}

export function serveRecord(server: FakeClinicServer): void {
  const exportsByClinic = new Map<number, RecordExport[]>();
  // Pretender replaces fetch; the bridge is a real request to the preview server.
  const nativeFetch =
    (server.pretender as unknown as { _nativefetch?: typeof fetch })
      ._nativefetch ?? fetch;

  const sessionsOf = (clinic: DemoClinic) =>
    (server.state.sessions ?? []).filter((s) => s.clinic_id === clinic.id);

  const sessionAt = (clinic: DemoClinic, at: string): number | null => {
    const time = new Date(at).getTime();
    const session = sessionsOf(clinic).find(
      (s) =>
        s.clock.started_at_ms !== null &&
        s.clock.started_at_ms <= time &&
        time <= (s.clock.ended_at_ms ?? Date.now())
    );
    return session?.number ?? null;
  };

  const uploadName = (clinic: DemoClinic, uploadId: number) =>
    (server.state.folderItems ?? [])
      .filter((item) => item.clinic_id === clinic.id)
      .flatMap((item) => item.uploads)
      .find((upload) => upload.id === uploadId)?.original_filename;

  const timeline = (clinic: DemoClinic): TimelineEntry[] => {
    const entries: TimelineEntry[] = [];
    for (const entry of server.state.audit[clinic.id] ?? []) {
      const kind: TimelineKind | null = CLINIC_ACTIONS.has(entry.action)
        ? "clinic"
        : MEMBERSHIP_ACTIONS.has(entry.action)
          ? "membership"
          : RECORD_ACTIONS.has(entry.action)
            ? "record"
            : null;
      if (kind === "clinic" || kind === "membership" || kind === "record") {
        entries.push({
          key: `${kind}-${entry.seq}`,
          kind,
          at: entry.created_at,
          actor:
            entry.actor_id === null ? null : summary(userById(entry.actor_id)),
          session_number: null,
          data: { action: entry.action, details: entry.details },
        });
      }
    }
    for (const session of sessionsOf(clinic)) {
      const times = sessionTimes(session);
      if (!times.started_at) {
        continue;
      }
      const ended = session.clock.state === "ended";
      entries.push({
        key: `session-${session.id}`,
        kind: "session",
        at: times.started_at,
        actor: summary(userById(session.started_by_id)),
        session_number: session.number,
        data: {
          id: session.id,
          number: session.number,
          mode: session.mode,
          state: session.clock.state,
          ended_at: times.ended_at,
          ended_reason: ended ? "ended_by_therapist" : null,
          summary: ended
            ? {
                mode: session.mode,
                actual_seconds: actualSeconds(session),
                planned_seconds: session.clock.planned_seconds,
                wall_clock_seconds: actualSeconds(session),
                pause_count: 0,
                paused_seconds: Math.round(
                  session.clock.paused_total_ms / 1000
                ),
                ended_reason: "ended_by_therapist",
                participants: [],
              }
            : null,
        },
      });
    }
    for (const topic of demoTopics(server, clinic)) {
      const [first, ...replies] = topic.posts;
      entries.push({
        key: `topic-${topic.id}`,
        kind: "topic",
        at: topic.created_at,
        actor: first ? summary(userById(first.user_id)) : null,
        session_number: null,
        data: {
          topic_id: topic.id,
          title: topic.title,
          url: `/t/${topic.id}`,
          excerpt: first ? excerpt(first.raw) : "",
          folder_name: null,
        },
      });
      for (const post of replies) {
        entries.push({
          key: `post-${post.id}`,
          kind: "post",
          at: post.created_at,
          actor: summary(userById(post.user_id)),
          session_number: null,
          data: {
            post_id: post.id,
            topic_id: topic.id,
            topic_title: topic.title,
            post_number: post.post_number,
            url: `/t/${topic.id}/${post.post_number}`,
            excerpt: post.deleted ? "" : excerpt(post.raw),
            revision_count: post.revisions.length,
            deleted: post.deleted
              ? {
                  by: summary(userById(post.deleted.by_id)),
                  at: post.deleted.at,
                }
              : null,
          },
        });
      }
    }
    const folders = server.state.folders ?? [];
    for (const item of server.state.folderItems ?? []) {
      if (item.clinic_id !== clinic.id) {
        continue;
      }
      const folder = folders.find((f) => f.id === item.folder_id);
      entries.push({
        key: `folder_item-${item.topic_id}`,
        kind: "folder_item",
        at: item.created_at,
        actor: summary(userById(item.author_id)),
        session_number: null,
        data: {
          topic_id: item.topic_id,
          title: item.title,
          url: `/t/${item.topic_id}`,
          folder_name:
            folder?.name ??
            server.text(`online_clinic.folders.defaults.${folder?.key ?? ""}`),
        },
      });
    }
    screenShowsOf(server.state, clinic.id).forEach((show, index) => {
      const item = show.item;
      const label =
        item.kind === "page"
          ? item.url
          : item.kind === "youtube"
            ? item.video_id
            : (uploadName(clinic, item.document_id) ?? `#${item.document_id}`);
      entries.push({
        key: `screen-${index + 1}`,
        kind: "screen",
        at: show.at,
        actor: summary(userById(show.user_id)),
        session_number: null,
        data: {
          item_kind: item.kind,
          label,
          url:
            item.kind === "page"
              ? item.url
              : item.kind === "youtube"
                ? `https://www.youtube.com/watch?v=${item.video_id}`
                : null,
        },
      });
    });
    for (const entry of entries) {
      if (entry.kind !== "session") {
        entry.session_number = sessionAt(clinic, entry.at);
      }
    }
    return entries.sort((a, b) => a.at.localeCompare(b.at));
  };

  server.pretender.get(
    "/online-clinic/clinics/:id/timeline.json",
    (request) => {
      const found = server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const query = request.queryParams as Record<string, string | undefined>;
      const kinds = (query.kinds ?? "")
        .split(",")
        .filter((k): k is TimelineKind =>
          TIMELINE_KINDS.includes(k as TimelineKind)
        );
      const limit = Math.min(Math.max(Number(query.limit) || 100, 1), 200);
      const offset = query.cursor ? Number(query.cursor.slice(2)) || 0 : 0;
      const from = query.from ?? null;
      const matching = timeline(found.clinic).filter(
        (e) =>
          (kinds.length === 0 || kinds.includes(e.kind)) &&
          (from === null || e.at >= from)
      );
      const page = matching.slice(offset, offset + limit);
      const next = offset + limit < matching.length ? offset + limit : null;
      return json(200, {
        entries: page,
        next_cursor: next === null ? null : `o:${next}`,
      });
    }
  );

  server.pretender.get(
    "/online-clinic/clinics/:id/record-check.json",
    async (request) => {
      const found = server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const audit = server.state.audit[found.clinic.id] ?? [];
      const verdict = await verifyChain(audit);
      return json(200, {
        chain: { valid: verdict.valid, broken_at_seq: verdict.brokenAtSeq },
        sessions: sessionsOf(found.clinic)
          .filter((s) => s.clock.state === "ended")
          .map((s) => ({
            session_id: s.id,
            number: s.number,
            sealed_seq: audit[audit.length - 1]?.seq ?? 0,
            status: "intact",
            differences: [],
          })),
      });
    }
  );

  const exportsOf = (clinicId: number): RecordExport[] => {
    let list = exportsByClinic.get(clinicId);
    if (!list) {
      list = [];
      exportsByClinic.set(clinicId, list);
    }
    return list;
  };

  server.pretender.get("/online-clinic/clinics/:id/exports.json", (request) => {
    const found = server.member(request.params.id);
    return Array.isArray(found)
      ? found
      : json(200, { exports: exportsOf(found.clinic.id).slice(0, 5) });
  });

  // The archive input of export-demo.rb from the preview's state.
  interface ArchiveInputTopic {
    id: number;
    title: string;
    slug: string;
    created_at: string;
    folder?: string;
    posts: {
      id: number;
      post_number: number;
      user_id: number;
      username: string;
      raw: string;
      created_at: string;
      updated_at: string;
      deleted_at: string | null;
      deleted_by_username: string | null;
      upload_ids: number[];
      revisions: {
        number: number;
        username: string;
        raw: string;
        created_at: string;
      }[];
    }[];
  }
  const archiveInput = async (clinic: DemoClinic, exporterId: number) => {
    const topics = demoTopics(server, clinic);
    const uploads = [];
    const folderTopics: ArchiveInputTopic[] = [];
    const folders = server.state.folders ?? [];
    for (const item of server.state.folderItems ?? []) {
      if (item.clinic_id !== clinic.id) {
        continue;
      }
      const uploadIds: number[] = [];
      for (const [index, upload] of item.uploads.entries()) {
        const id = upload.id ?? item.topic_id * 10 + index;
        uploadIds.push(id);
        // The demo's real files where the preview serves one; the others are declared missing,
        // as the server does for an upload whose file is gone.
        const response = await nativeFetch.call(window, upload.url);
        if (!response.ok) {
          uploads.push({
            id,
            sha1: "0".repeat(40),
            original_filename: upload.original_filename,
            filesize: upload.filesize,
            missing: true,
          });
          continue;
        }
        const bytes = new Uint8Array(await response.arrayBuffer());
        uploads.push({
          id,
          sha1: await sha1Hex(bytes),
          original_filename: upload.original_filename,
          filesize: bytes.length,
          content_base64: bytesToBase64(bytes),
        });
      }
      const folder = folders.find((f) => f.id === item.folder_id);
      folderTopics.push({
        id: item.topic_id,
        title: item.title,
        slug: "",
        created_at: item.created_at,
        folder:
          folder?.name ??
          server.text(`online_clinic.folders.defaults.${folder?.key ?? ""}`),
        posts: [
          {
            id: item.topic_id * 10,
            post_number: 1,
            user_id: item.author_id,
            username: userById(item.author_id).username,
            raw: [item.title, ...item.links.map((link) => link.url)].join(
              "\n\n"
            ),
            created_at: item.created_at,
            updated_at: item.created_at,
            deleted_at: null,
            deleted_by_username: null,
            upload_ids: uploadIds,
            revisions: [],
          },
        ],
      });
    }
    const username = (id: number) => userById(id).username;
    return {
      clinic: {
        id: clinic.id,
        name: clinic.name,
        kind: clinic.kind,
        created_at: clinic.created_at,
      },
      members: clinic.members.map((m) => ({
        id: m.user_id,
        username: username(m.user_id),
        name: userById(m.user_id).name,
        role: m.role,
      })),
      sessions: sessionsOf(clinic).map((s) => ({
        id: s.id,
        number: s.number,
        mode: s.mode,
        ...sessionTimes(s),
        summary: null,
        topic_id: null,
        digest: null,
      })),
      topics: topics
        .map(
          (topic): ArchiveInputTopic => ({
            id: topic.id,
            title: topic.title,
            slug: "",
            created_at: topic.created_at,
            posts: topic.posts.map((post) => ({
              id: post.id,
              post_number: post.post_number,
              user_id: post.user_id,
              username: username(post.user_id),
              raw: post.raw,
              created_at: post.created_at,
              updated_at: post.revisions.at(-1)?.created_at ?? post.created_at,
              deleted_at: post.deleted?.at ?? null,
              deleted_by_username: post.deleted
                ? username(post.deleted.by_id)
                : null,
              upload_ids: [],
              revisions: post.revisions.map((r) => ({
                number: r.number,
                username: username(r.user_id),
                raw: r.raw,
                created_at: r.created_at,
              })),
            })),
          })
        )
        .concat(folderTopics),
      uploads,
      audit_entries: server.state.audit[clinic.id] ?? [],
      exporter: { id: exporterId, username: username(exporterId) },
      locale: document.documentElement.lang === "he" ? "he" : "en",
    };
  };

  const runExport = async (
    clinic: DemoClinic,
    record: RecordExport,
    exporterId: number
  ): Promise<void> => {
    const announce = () =>
      server.changed(clinic, { type: "export_changed", export_id: record.id });
    record.status = "running";
    announce();
    try {
      const response = await nativeFetch.call(window, "/__preview/export", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(await archiveInput(clinic, exporterId)),
      });
      if (!response.ok) {
        throw new Error(await response.text());
      }
      const zip = await response.blob();
      record.status = "ready";
      record.size = zip.size;
      record.download_url = URL.createObjectURL(zip);
    } catch (error) {
      console.error("preview export failed:", error);
      record.status = "failed";
    }
    record.finished_at = new Date().toISOString();
    announce();
  };

  server.pretender.post(
    "/online-clinic/clinics/:id/exports.json",
    async (request): Promise<Reply> => {
      const found = server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const list = exportsOf(found.clinic.id);
      const running = list.find(
        (e) => e.status === "queued" || e.status === "running"
      );
      if (running) {
        return json(200, { export: running, joined: true });
      }
      const record: RecordExport = {
        id:
          Math.max(
            0,
            ...[...exportsByClinic.values()].flat().map((e) => e.id)
          ) + 1,
        status: "queued",
        requested_by: summary(userById(found.userId)),
        created_at: new Date().toISOString(),
        finished_at: null,
        size: null,
        missing_uploads: 0,
        download_url: null,
      };
      list.unshift(record);
      // Written to the chain before the archive, so the archive's chain head includes it.
      await server.log(
        found.clinic,
        "clinic_exported" as AuditEntry["action"],
        found.userId,
        { export_id: record.id } as { [key: string]: JsonValue }
      );
      server.changed(found.clinic, {
        type: "export_changed",
        export_id: record.id,
      });
      void runExport(found.clinic, record, found.userId);
      return json(200, { export: { ...record }, joined: false });
    }
  );
}
