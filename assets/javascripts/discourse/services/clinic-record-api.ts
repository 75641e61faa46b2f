import Service from "@ember/service";
import { ajax } from "discourse/lib/ajax";
import type {
  ExportResponse,
  ExportsResponse,
  RecordCheckResponse,
  TimelineQuery,
  TimelineResponse,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/record-types";

// The record endpoints of docs/contract.md ("## Record"), one typed method each.
export default class ClinicRecordApi extends Service {
  timeline(clinicId: number, query: TimelineQuery): Promise<TimelineResponse> {
    const search = new URLSearchParams();
    if (query.cursor) {
      search.set("cursor", query.cursor);
    }
    if (query.from) {
      search.set("from", query.from);
    }
    if (query.kinds && query.kinds.length > 0) {
      search.set("kinds", query.kinds.join(","));
    }
    if (query.limit) {
      search.set("limit", String(query.limit));
    }
    const text = search.toString();
    const suffix = text ? `?${text}` : "";
    return this.#request("GET", `/clinics/${clinicId}/timeline.json${suffix}`);
  }

  recordCheck(clinicId: number): Promise<RecordCheckResponse> {
    return this.#request("GET", `/clinics/${clinicId}/record-check.json`);
  }

  exports(clinicId: number): Promise<ExportsResponse> {
    return this.#request("GET", `/clinics/${clinicId}/exports.json`);
  }

  startExport(clinicId: number): Promise<ExportResponse> {
    return this.#request("POST", `/clinics/${clinicId}/exports.json`);
  }

  #request<T>(method: "GET" | "POST", path: string): Promise<T> {
    return ajax(`/online-clinic${path}`, { type: method }) as Promise<T>;
  }
}
