// The session shapes of docs/contract.md ("## Sessions"), as the Ruby serializers send them.
import type { UserSummary } from "./clinic-types";
import type { SessionClockJson, SessionStateName } from "./session-clock";

export type SessionMode = "written" | "video" | "chat" | "face_to_face";

export const SESSION_MODES: readonly SessionMode[] = [
  "written",
  "video",
  "chat",
  "face_to_face",
];

export type SessionEndedReason = "ended_by_therapist" | "auto_ended_unattended";

export interface SessionPermissions {
  can_pause: boolean;
  can_resume: boolean;
  can_extend: boolean;
  can_end: boolean;
}

export interface SessionParticipant {
  user: UserSummary;
  posts: number;
  words: number;
}

export interface SessionSummary {
  mode: SessionMode;
  actual_seconds: number;
  planned_seconds: number;
  wall_clock_seconds: number;
  pause_count: number;
  paused_seconds: number;
  ended_reason: SessionEndedReason | null;
  participants: SessionParticipant[];
}

export interface Session {
  id: number;
  clinic_id: number;
  number: number;
  mode: SessionMode;
  state: SessionStateName;
  clock: SessionClockJson;
  topic_id: number | null;
  topic_url: string | null;
  started_at: string | null;
  ended_at: string | null;
  ended_reason: SessionEndedReason | null;
  started_by: UserSummary | null;
  ended_by: UserSummary | null;
  summary: SessionSummary | null;
  permissions: SessionPermissions;
}

export type Recurrence = "none" | "weekly";

export interface Appointment {
  id: number;
  schedule_id: number;
  starts_at: string;
  ends_at: string;
  length_minutes: number;
  recurrence: Recurrence;
  ics_url: string;
}

export interface ClinicSessionPermissions {
  can_start: boolean;
  can_request: boolean;
  can_schedule: boolean;
  can_set_boundary: boolean;
}

export interface SessionsResponse {
  current: Session | null;
  recent: Session[];
  upcoming: Appointment[];
  boundary_text: string | null;
  default_minutes: number;
  // The therapist's zone: the schedule form's date and time are in it.
  time_zone: string;
  permissions: ClinicSessionPermissions;
  // Topics a written session may continue (the therapist's choice; empty for others).
  topics: SessionTopicChoice[];
  server_now_ms: number;
}

export interface SessionTopicChoice {
  id: number;
  title: string;
}

export interface SessionResponse {
  session: Session;
  server_now_ms: number;
}

export interface ServerTimeResponse {
  server_now_ms: number;
}

export interface UpcomingResponse {
  upcoming: Appointment[];
}

export interface BoundaryResponse {
  boundary_text: string | null;
}

export interface StartSessionBody {
  mode: SessionMode;
  planned_minutes?: number;
  topic_id?: number;
  request_id: string;
}

export interface ScheduleBody {
  // "YYYY-MM-DDTHH:MM" in time_zone.
  local_start: string;
  time_zone: string;
  length_minutes: number;
  recurrence: Recurrence;
  count?: number;
}

export type ExtendMinutes = 5 | 10;

// MessageBus `/online-clinic/clinic/:id` payloads that concern sessions.
export type SessionBusMessage =
  | { type: "session_changed"; clinic_id: number; session_id: number }
  | { type: "schedule_changed"; clinic_id: number };

// A session is live (its timer is shown and writing counts as "in session") while it runs or
// is paused.
export function isLive(session: Session | null | undefined): boolean {
  return session?.state === "running" || session?.state === "paused";
}
