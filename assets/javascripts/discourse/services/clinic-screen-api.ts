import Service from "@ember/service";
import { ajax } from "discourse/lib/ajax";
import type {
  ScreenItem,
  ServerScreenState,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/screen-sync";

// The shared screen's endpoints of docs/contract.md ("## Screen (issue 7)"), one typed
// method each.

export interface ScreenUpload {
  url: string;
  // The member-only address that serves a PDF or a text inline (Discourse sends them as
  // attachments, which a frame would download instead of showing).
  inline_url?: string | null;
  original_filename: string;
  extension: string | null;
  filesize: number;
}

// A document or video item also carries the upload it names, for display.
export type ScreenItemJson =
  | Extract<ScreenItem, { kind: "page" } | { kind: "youtube" }>
  | {
      kind: "document" | "video";
      document_id: number;
      upload?: ScreenUpload | null;
    };

export interface ScreenStateJson extends Omit<ServerScreenState, "item"> {
  item: ScreenItemJson | null;
}

export interface ScreenPermissions {
  can_lead: boolean;
  can_lock: boolean;
}

export interface ScreenResponse {
  state: ScreenStateJson;
  permissions: ScreenPermissions;
  server_now_ms: number;
}

export interface ScreenChangeResponse {
  state: ScreenStateJson;
  server_now_ms: number;
}

export interface ScreenPublishBody {
  item: ScreenItem | null;
  reading?: { position: number; page: number | null };
  video?: {
    playing: boolean;
    position: number;
    rate: number;
    sampled_at_ms: number;
  } | null;
}

export interface LinkPreview {
  url: string;
  title: string | null;
  description: string | null;
  image_url: string | null;
  domain: string;
  frameable: boolean | null;
}

type Method = "GET" | "POST" | "PUT" | "DELETE";

export default class ClinicScreenApi extends Service {
  screen(clinicId: number): Promise<ScreenResponse> {
    return this.#request("GET", clinicId, "screen.json");
  }

  publish(
    clinicId: number,
    body: ScreenPublishBody
  ): Promise<ScreenChangeResponse> {
    return this.#request("PUT", clinicId, "screen.json", body);
  }

  takeLead(clinicId: number): Promise<ScreenChangeResponse> {
    return this.#request("POST", clinicId, "screen/lead.json");
  }

  releaseLead(clinicId: number): Promise<ScreenChangeResponse> {
    return this.#request("DELETE", clinicId, "screen/lead.json");
  }

  heartbeat(clinicId: number): Promise<ScreenChangeResponse> {
    return this.#request("PUT", clinicId, "screen/heartbeat.json");
  }

  lock(clinicId: number, locked: boolean): Promise<ScreenChangeResponse> {
    return this.#request("PUT", clinicId, "screen/lock.json", { locked });
  }

  preview(clinicId: number, url: string): Promise<LinkPreview> {
    const query = new URLSearchParams({ url });
    return this.#request("GET", clinicId, `screen/preview.json?${query}`);
  }

  // Bodies go as JSON, as in clinic-api.ts.
  #request<T>(
    method: Method,
    clinicId: number,
    path: string,
    body?: object
  ): Promise<T> {
    const options: { type: Method; contentType?: string; data?: string } = {
      type: method,
    };
    if (body !== undefined) {
      options.contentType = "application/json";
      options.data = JSON.stringify(body);
    }
    return ajax(
      `/online-clinic/clinics/${clinicId}/${path}`,
      options
    ) as Promise<T>;
  }
}
