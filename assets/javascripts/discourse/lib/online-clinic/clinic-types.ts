// The JSON shapes of docs/contract.md, as the Ruby serializers send them.
import type { JsonValue } from "./audit-chain";

export type ClinicKind = "individual" | "couple" | "group";
export type ClinicStatus = "open" | "archived";
export type ClinicRole = "therapist" | "client";

export const CLINIC_KINDS: readonly ClinicKind[] = [
  "individual",
  "couple",
  "group",
];

export interface UserSummary {
  id: number;
  username: string;
  name: string | null;
  avatar_template: string;
}

export interface Member extends UserSummary {
  role: ClinicRole;
}

export interface ClinicSummary {
  id: number;
  name: string;
  kind: ClinicKind;
  status: ClinicStatus;
  category_id: number;
  url: string;
  clients: UserSummary[];
  therapists: UserSummary[];
  last_activity_at: string | null;
  unread_count: number;
  next_session_at: string | null;
}

export interface ClinicPermissions {
  can_rename: boolean;
  can_add_client: boolean;
  can_remove_client: boolean;
  can_archive: boolean;
  can_reopen: boolean;
  can_post: boolean;
  can_read_audit_log: boolean;
}

export interface PendingInvite {
  email: string;
  invited_at: string;
}

export interface Clinic extends ClinicSummary {
  members: Member[];
  pending_invites: PendingInvite[];
  chat_channel_url: string | null;
  welcome_topic_url: string | null;
  created_at: string;
  archived_at: string | null;
  permissions: ClinicPermissions;
}

export type AuditAction =
  | "clinic_opened"
  | "clinic_renamed"
  | "client_added"
  | "client_invited"
  | "client_removed"
  | "therapist_added"
  | "clinic_archived"
  | "clinic_reopened"
  | "non_member_access"
  | "session_started"
  | "session_ended"
  | "session_sealed"
  | "clinic_exported";

export interface AuditEntry {
  seq: number;
  action: AuditAction;
  actor: UserSummary | null;
  details: { [key: string]: JsonValue };
  created_at: string;
  prev_hash: string;
  entry_hash: string;
}

export interface ServerVerification {
  valid: boolean;
  broken_at_seq: number | null;
}

export interface ClinicListResponse {
  clinics: ClinicSummary[];
  can_create: boolean;
}

export interface ClinicResponse {
  clinic: Clinic;
}

export interface AuditLogResponse {
  entries: AuditEntry[];
  verification: ServerVerification;
}

export interface NewClinicBody {
  name: string;
  kind: ClinicKind;
  usernames: string[];
  emails: string[];
  request_id: string;
  source_topic_id?: number;
}

export type NewMemberBody = { username: string } | { email: string };

// `current_user.online_clinics` (the sidebar's "My clinic" section).
export interface CurrentUserClinic {
  id: number;
  name: string;
  url: string;
  role: ClinicRole;
}

// MessageBus `/online-clinic/clinic/:id` payload.
export interface ClinicBusMessage {
  type: string;
  clinic_id: number;
}

export function displayName(user: UserSummary): string {
  return user.name && user.name.trim() !== "" ? user.name : user.username;
}
