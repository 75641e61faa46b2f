// The record shapes of docs/contract.md ("## Record: timeline, integrity, export").
import type { JsonValue } from "./audit-chain";
import type { UserSummary } from "./clinic-types";
import type { SessionMode, SessionSummary } from "./session-types";

export type TimelineKind =
  | "clinic"
  | "membership"
  | "session"
  | "topic"
  | "post"
  | "folder_item"
  | "screen"
  | "video_call"
  | "record";

export const TIMELINE_KINDS: readonly TimelineKind[] = [
  "clinic",
  "membership",
  "session",
  "topic",
  "post",
  "folder_item",
  "screen",
  "video_call",
  "record",
];

export interface AuditBackedData {
  action: string;
  details: { [key: string]: JsonValue };
}

export interface SessionData {
  id: number;
  number: number;
  mode: SessionMode;
  state: string;
  ended_at: string | null;
  ended_reason: string | null;
  summary: SessionSummary | null;
}

export interface TopicData {
  topic_id: number;
  title: string;
  url: string;
  excerpt: string;
  folder_name: string | null;
  // A deleted topic keeps its place, without its text (docs/contract.md); optional for the
  // answers of servers from before it was added.
  deleted?: { by: UserSummary | null; at: string } | null;
}

export interface PostData {
  post_id: number;
  topic_id: number;
  topic_title: string;
  post_number: number;
  url: string;
  excerpt: string;
  revision_count: number;
  deleted: { by: UserSummary | null; at: string } | null;
}

export interface FolderItemData {
  topic_id: number;
  title: string;
  url: string;
  folder_name: string;
}

export interface ScreenData {
  item_kind: "page" | "document" | "youtube" | "video";
  label: string;
  url: string | null;
}

export interface VideoCallData {
  ended_at: string | null;
  duration_seconds: number | null;
  participants: UserSummary[];
}

interface EntryBase<K extends TimelineKind, D> {
  key: string;
  kind: K;
  at: string;
  actor: UserSummary | null;
  session_number: number | null;
  data: D;
}

export type TimelineEntry =
  | EntryBase<"clinic" | "membership" | "record", AuditBackedData>
  | EntryBase<"session", SessionData>
  | EntryBase<"topic", TopicData>
  | EntryBase<"post", PostData>
  | EntryBase<"folder_item", FolderItemData>
  | EntryBase<"screen", ScreenData>
  | EntryBase<"video_call", VideoCallData>;

export interface TimelineQuery {
  cursor?: string | null;
  from?: string | null;
  kinds?: readonly TimelineKind[];
  limit?: number;
}

export interface TimelineResponse {
  entries: TimelineEntry[];
  next_cursor: string | null;
}

export type ItemChange = "changed" | "missing" | "added";

export interface SessionCheck {
  session_id: number;
  number: number;
  sealed_seq: number;
  status: "intact" | "changed";
  differences: { kind: "post" | "upload"; id: number; change: ItemChange }[];
}

export interface RecordCheckResponse {
  chain: { valid: boolean; broken_at_seq: number | null };
  sessions: SessionCheck[];
}

export type ExportStatus = "queued" | "running" | "ready" | "failed";

export interface RecordExport {
  id: number;
  status: ExportStatus;
  requested_by: UserSummary;
  created_at: string;
  finished_at: string | null;
  size: number | null;
  missing_uploads: number;
  download_url: string | null;
}

export interface ExportResponse {
  export: RecordExport;
  joined: boolean;
}

export interface ExportsResponse {
  exports: RecordExport[];
}
