// What a clinic's own notifications (a client asking for a session, an appointment reminder,
// an exported record) show in the user menu. They are Discourse "custom" notifications without
// a topic, so the link comes from their data; their text is already neutral (the server's).
export interface ClinicNotificationData {
  message?: unknown;
  title?: unknown;
  url?: unknown;
  online_clinic_id?: unknown;
}

const MESSAGE_PREFIX = "online_clinic.notifications.";

export function isClinicNotification(
  data: ClinicNotificationData | null | undefined
): boolean {
  return (
    typeof data?.message === "string" &&
    data.message.startsWith(MESSAGE_PREFIX) &&
    typeof data.online_clinic_id === "number"
  );
}

// Only a path on this forum: never a link elsewhere, whatever the data says.
export function clinicNotificationHref(data: ClinicNotificationData): string {
  const url = typeof data.url === "string" ? data.url : "";
  return url.startsWith("/") && !url.startsWith("//") ? url : "/clinic";
}

export function clinicNotificationIcon(data: ClinicNotificationData): string {
  switch (data.message) {
    case `${MESSAGE_PREFIX}session_reminder`:
      return "clock";
    case `${MESSAGE_PREFIX}export_ready`:
    case `${MESSAGE_PREFIX}export_failed`:
      return "box-archive";
    default:
      return "comment";
  }
}
