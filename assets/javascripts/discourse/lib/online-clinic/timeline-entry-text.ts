// What one timeline entry says, as a sentence in the reader's language. Translation and date
// formatting are passed in, so this stays free of Discourse; every parameter is plain text
// that the template escapes. Audit-backed entries say what the audit log says about them.
import { auditEntryText } from "./audit-entry-text";
import type { AuditAction, UserSummary } from "./clinic-types";
import { displayName } from "./clinic-types";
import type { TimelineEntry } from "./record-types";

export type Translate = (
  key: string,
  params?: { [name: string]: string | number }
) => string;

export interface EntryTextContext {
  t: Translate;
  // A date and time in the reader's locale.
  time: (iso: string) => string;
  // "Dana, Avi and Noa" in the reader's locale.
  list: (names: string[]) => string;
}

const PREFIX = "online_clinic.record.entries.";

function who(user: UserSummary | null, context: EntryTextContext): string {
  return user ? displayName(user) : context.t(`${PREFIX}system`);
}

export function timelineEntryText(
  entry: TimelineEntry,
  context: EntryTextContext
): string {
  const { t } = context;
  const actor = who(entry.actor, context);
  switch (entry.kind) {
    case "clinic":
    case "membership": {
      const text = auditEntryText(
        {
          action: entry.data.action as AuditAction,
          actor: entry.actor,
          details: entry.data.details,
        },
        t(`${PREFIX}system`)
      );
      return t(text.key, text.params);
    }
    case "record":
      if (entry.data.action === "session_sealed") {
        return t(`${PREFIX}session_sealed`, {
          number: String(entry.data.details.number ?? ""),
          items: String(entry.data.details.item_count ?? ""),
        });
      }
      if (entry.data.action === "clinic_exported") {
        return t(`${PREFIX}clinic_exported`, { actor });
      }
      return t("online_clinic.audit_log.actions.unknown", {
        actor,
        action: entry.data.action,
      });
    case "session": {
      const mode = t(`online_clinic.record.modes.${entry.data.mode}`);
      const minutes = entry.data.summary
        ? Math.round(entry.data.summary.actual_seconds / 60)
        : null;
      if (entry.data.ended_at && minutes !== null) {
        return t(`${PREFIX}session_ended`, {
          number: entry.data.number,
          mode,
          minutes,
        });
      }
      return t(`${PREFIX}session_started`, { number: entry.data.number, mode });
    }
    case "topic":
      if (entry.data.deleted) {
        return t(`${PREFIX}topic_deleted`, {
          title: entry.data.title,
          who: who(entry.data.deleted.by, context),
          date: context.time(entry.data.deleted.at),
        });
      }
      return entry.data.folder_name
        ? t(`${PREFIX}topic_in_folder`, {
            actor,
            title: entry.data.title,
            folder: entry.data.folder_name,
          })
        : t(`${PREFIX}topic`, { actor, title: entry.data.title });
    case "post":
      if (entry.data.deleted) {
        return t(`${PREFIX}post_deleted`, {
          who: who(entry.data.deleted.by, context),
          date: context.time(entry.data.deleted.at),
        });
      }
      return t(`${PREFIX}post`, { actor, topic: entry.data.topic_title });
    case "folder_item":
      return t(`${PREFIX}folder_item`, {
        actor,
        title: entry.data.title,
        folder: entry.data.folder_name,
      });
    case "screen":
      return t(`${PREFIX}screen.${entry.data.item_kind}`, {
        actor,
        label: entry.data.label,
      });
    case "video_call": {
      const names = context.list(entry.data.participants.map(displayName));
      const seconds = entry.data.duration_seconds;
      if (entry.data.ended_at && seconds !== null) {
        return t(`${PREFIX}video_call`, {
          names,
          minutes: Math.max(1, Math.round(seconds / 60)),
        });
      }
      return t(`${PREFIX}video_call_running`, { names });
    }
  }
}
