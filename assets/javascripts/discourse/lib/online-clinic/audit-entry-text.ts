// What an audit entry says, as an i18n key and its parameters. Parameters are plain text;
// the template escapes them, so a name with HTML in it shows as text.
import type { JsonValue } from "./audit-chain";
import type { AuditEntry } from "./clinic-types";
import { displayName } from "./clinic-types";

export interface EntryText {
  key: string;
  params: { [name: string]: string };
}

const KEY_PREFIX = "online_clinic.audit_log.actions.";

// The detail fields each action's sentence uses (docs/contract.md, "Audit entry details").
const DETAIL_PARAMS: { [action: string]: readonly string[] } = {
  clinic_opened: ["name"],
  clinic_renamed: ["from", "to"],
  client_added: ["username"],
  client_invited: ["email"],
  client_removed: ["username"],
  therapist_added: ["username"],
  clinic_archived: [],
  clinic_reopened: [],
  non_member_access: ["surface"],
  session_started: ["number"],
  session_ended: ["number"],
  session_sealed: ["number", "item_count"],
  clinic_exported: [],
};

function asText(value: JsonValue | undefined): string {
  if (value === undefined || value === null) {
    return "";
  }
  if (typeof value === "object") {
    return JSON.stringify(value);
  }
  return String(value);
}

export function auditEntryText(
  entry: Pick<AuditEntry, "action" | "actor" | "details">,
  systemName: string
): EntryText {
  const actor = entry.actor ? displayName(entry.actor) : systemName;
  const fields = DETAIL_PARAMS[entry.action];
  if (!fields) {
    // An action a later version of the server knows and this one does not.
    return {
      key: `${KEY_PREFIX}unknown`,
      params: { actor, action: String(entry.action) },
    };
  }
  const params: { [name: string]: string } = { actor };
  for (const field of fields) {
    params[field] = asText(entry.details[field]);
  }
  return { key: `${KEY_PREFIX}${entry.action}`, params };
}
