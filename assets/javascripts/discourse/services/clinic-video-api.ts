import Service from "@ember/service";
import { ajax } from "discourse/lib/ajax";
import {
  type JitsiJoinTicket,
  VideoNotConfiguredError,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/jitsi-call";

// GET /online-clinic/clinics/:id/video.json (docs/contract.md "## Video").
export interface VideoTicketResponse extends JitsiJoinTicket {
  server_now_ms: number;
}

export type VideoEvent = "joined" | "left";

// What a 422 `video_not_configured` says; the names come only when the requester is an admin.
export interface VideoNotConfigured {
  admin: boolean;
  missingSettings: string[];
  invalidSettings: string[];
}

// Rejected by `ticket` for a 422 `video_not_configured`: JitsiCall turns it into the
// `not_configured` fault, and the dock reads who has to do what from `details`.
export class ClinicVideoNotConfiguredError extends VideoNotConfiguredError {
  readonly details: VideoNotConfigured;

  constructor(details: VideoNotConfigured) {
    super([...details.missingSettings, ...details.invalidSettings]);
    this.details = details;
  }
}

function stringList(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((v): v is string => typeof v === "string")
    : [];
}

// The 422 body out of ajax's rejection `{ jqXHR: { responseJSON } }`, or null for any other
// failure.
export function notConfiguredOf(error: unknown): VideoNotConfigured | null {
  if (typeof error !== "object" || error === null || !("jqXHR" in error)) {
    return null;
  }
  const jqXHR: unknown = error.jqXHR;
  if (
    typeof jqXHR !== "object" ||
    jqXHR === null ||
    !("responseJSON" in jqXHR)
  ) {
    return null;
  }
  const json: unknown = jqXHR.responseJSON;
  if (
    typeof json !== "object" ||
    json === null ||
    !("error_type" in json) ||
    json.error_type !== "video_not_configured"
  ) {
    return null;
  }
  return {
    admin: "admin" in json && json.admin === true,
    missingSettings:
      "missing_settings" in json ? stringList(json.missing_settings) : [],
    invalidSettings:
      "invalid_settings" in json ? stringList(json.invalid_settings) : [],
  };
}

// The video endpoints of docs/contract.md ("## Video"), one typed method each.
export default class ClinicVideoApi extends Service {
  ticket(clinicId: number): Promise<VideoTicketResponse> {
    return (
      ajax(
        `/online-clinic/clinics/${clinicId}/video.json`
      ) as Promise<VideoTicketResponse>
    ).catch((error: unknown) => {
      const notConfigured = notConfiguredOf(error);
      return Promise.reject(
        notConfigured ? new ClinicVideoNotConfiguredError(notConfigured) : error
      );
    });
  }

  event(clinicId: number, event: VideoEvent): Promise<{ success: string }> {
    return ajax(`/online-clinic/clinics/${clinicId}/video/events.json`, {
      type: "POST",
      contentType: "application/json",
      data: JSON.stringify({ event }),
    }) as Promise<{ success: string }>;
  }
}
