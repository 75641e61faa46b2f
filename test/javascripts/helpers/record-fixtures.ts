// Timeline entries of every kind (docs/contract.md, "Record"), exports and record checks, as
// the record endpoints send them. Each call returns fresh objects a test may change.
import type { UserSummary } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";
import type {
  RecordCheckResponse,
  RecordExport,
  TimelineEntry,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/record-types";

export const DROR: UserSummary = {
  id: 1,
  username: "dror",
  name: "Dror Cohen",
  avatar_template: "/letter_avatar/dror/{size}/1.png",
};
export const NOA: UserSummary = {
  id: 2,
  username: "noa",
  name: "נועה לוי",
  avatar_template: "/letter_avatar/noa/{size}/1.png",
};

// November: the clinic opens and Noa joins. December: session 1 (video, 50 minutes) with a
// topic, a post edited twice, a deleted post, a folder item, the screen, a video call, then
// the seal; between sessions a post and the export.
export function timelineEntries(): TimelineEntry[] {
  return [
    {
      key: "clinic-1",
      kind: "clinic",
      at: "2026-11-20T08:00:00.000Z",
      actor: DROR,
      session_number: null,
      data: {
        action: "clinic_opened",
        details: { name: "Noa", kind: "individual" },
      },
    },
    {
      key: "membership-2",
      kind: "membership",
      at: "2026-11-20T08:01:00.000Z",
      actor: DROR,
      session_number: null,
      data: { action: "client_added", details: { username: "noa" } },
    },
    {
      key: "session-3",
      kind: "session",
      at: "2026-12-01T18:00:00.000Z",
      actor: DROR,
      session_number: 1,
      data: {
        id: 3,
        number: 1,
        mode: "video",
        state: "ended",
        ended_at: "2026-12-01T18:50:00.000Z",
        ended_reason: "ended_by_therapist",
        summary: {
          mode: "video",
          actual_seconds: 3000,
          planned_seconds: 3000,
          wall_clock_seconds: 3000,
          pause_count: 0,
          paused_seconds: 0,
          ended_reason: "ended_by_therapist",
          participants: [
            { user: DROR, posts: 1, words: 20 },
            { user: NOA, posts: 2, words: 40 },
          ],
        },
      },
    },
    {
      key: "topic-10",
      kind: "topic",
      at: "2026-12-01T18:02:00.000Z",
      actor: NOA,
      session_number: 1,
      data: {
        topic_id: 10,
        title: "What I drew",
        url: "/t/what-i-drew/10",
        excerpt: "<b>bold</b> is just text here",
        folder_name: null,
      },
    },
    {
      key: "post-101",
      kind: "post",
      at: "2026-12-01T18:10:00.000Z",
      actor: DROR,
      session_number: 1,
      data: {
        post_id: 101,
        topic_id: 10,
        topic_title: "What I drew",
        post_number: 2,
        url: "/t/what-i-drew/10/2",
        excerpt: "Tell me about the colours.",
        revision_count: 2,
        deleted: null,
      },
    },
    {
      key: "post-102",
      kind: "post",
      at: "2026-12-01T18:20:00.000Z",
      actor: NOA,
      session_number: 1,
      data: {
        post_id: 102,
        topic_id: 10,
        topic_title: "What I drew",
        post_number: 3,
        url: "/t/what-i-drew/10/3",
        excerpt: "",
        revision_count: 0,
        deleted: { by: NOA, at: "2026-12-01T18:25:00.000Z" },
      },
    },
    {
      key: "folder_item-11",
      kind: "folder_item",
      at: "2026-12-01T18:30:00.000Z",
      actor: NOA,
      session_number: 1,
      data: {
        topic_id: 11,
        title: "Poem for Tuesday",
        url: "/t/poem-for-tuesday/11",
        folder_name: "Poems",
      },
    },
    {
      key: "screen-4",
      kind: "screen",
      at: "2026-12-01T18:35:00.000Z",
      actor: DROR,
      session_number: 1,
      data: {
        item_kind: "youtube",
        label: "Breathing, 4-7-8",
        url: "https://www.youtube.com/watch?v=abc",
      },
    },
    {
      key: "video_call-5",
      kind: "video_call",
      at: "2026-12-01T18:00:30.000Z",
      actor: DROR,
      session_number: 1,
      data: {
        ended_at: "2026-12-01T18:49:30.000Z",
        duration_seconds: 2940,
        participants: [DROR, NOA],
      },
    },
    {
      key: "record-6",
      kind: "record",
      at: "2026-12-01T18:50:01.000Z",
      actor: null,
      session_number: 1,
      data: {
        action: "session_sealed",
        details: { session_id: 3, number: 1, digest: "ab", item_count: 4 },
      },
    },
    {
      key: "post-103",
      kind: "post",
      at: "2026-12-03T09:00:00.000Z",
      actor: NOA,
      session_number: null,
      data: {
        post_id: 103,
        topic_id: 10,
        topic_title: "What I drew",
        post_number: 4,
        url: "/t/what-i-drew/10/4",
        excerpt: "One more thought.",
        revision_count: 0,
        deleted: null,
      },
    },
    {
      key: "record-7",
      kind: "record",
      at: "2026-12-04T21:00:00.000Z",
      actor: NOA,
      session_number: null,
      data: { action: "clinic_exported", details: { export_id: 1 } },
    },
  ];
}

export function recordExport(
  status: RecordExport["status"],
  changes: Partial<RecordExport> = {}
): RecordExport {
  return {
    id: 1,
    status,
    requested_by: NOA,
    created_at: "2026-12-04T21:00:00.000Z",
    finished_at: status === "ready" ? "2026-12-04T21:01:00.000Z" : null,
    size: status === "ready" ? 2_400_000 : null,
    missing_uploads: 0,
    download_url:
      status === "ready" ? "/online-clinic/exports/1/download" : null,
    ...changes,
  };
}

export function recordCheck(changed: boolean): RecordCheckResponse {
  return {
    chain: changed
      ? { valid: false, broken_at_seq: 6 }
      : { valid: true, broken_at_seq: null },
    sessions: [
      {
        session_id: 3,
        number: 1,
        sealed_seq: 6,
        status: changed ? "changed" : "intact",
        differences: changed
          ? [
              { kind: "post", id: 101, change: "changed" },
              { kind: "upload", id: 7, change: "missing" },
            ]
          : [],
      },
    ],
  };
}
