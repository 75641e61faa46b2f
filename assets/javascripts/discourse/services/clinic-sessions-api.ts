import Service from "@ember/service";
import { ajax } from "discourse/lib/ajax";
import type {
  BoundaryResponse,
  ExtendMinutes,
  ScheduleBody,
  ServerTimeResponse,
  SessionResponse,
  SessionsResponse,
  StartSessionBody,
  UpcomingResponse,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/session-types";

type Method = "GET" | "POST" | "PUT" | "DELETE";

// The session endpoints of docs/contract.md ("## Sessions"), one typed method each. The
// clinic-session-clock service calls them and times every round trip for the clock offset.
export default class ClinicSessionsApi extends Service {
  serverTime(): Promise<ServerTimeResponse> {
    return this.#request("GET", "/time.json");
  }

  sessions(clinicId: number): Promise<SessionsResponse> {
    return this.#request("GET", `/clinics/${clinicId}/sessions.json`);
  }

  start(clinicId: number, body: StartSessionBody): Promise<SessionResponse> {
    return this.#request("POST", `/clinics/${clinicId}/sessions.json`, body);
  }

  pause(sessionId: number): Promise<SessionResponse> {
    return this.#request("PUT", `/sessions/${sessionId}/pause.json`);
  }

  resume(sessionId: number): Promise<SessionResponse> {
    return this.#request("PUT", `/sessions/${sessionId}/resume.json`);
  }

  end(sessionId: number): Promise<SessionResponse> {
    return this.#request("PUT", `/sessions/${sessionId}/end.json`);
  }

  extend(sessionId: number, minutes: ExtendMinutes): Promise<SessionResponse> {
    return this.#request("PUT", `/sessions/${sessionId}/extend.json`, {
      minutes,
    });
  }

  requestSession(
    clinicId: number,
    message?: string
  ): Promise<{ success: string }> {
    return this.#request(
      "POST",
      `/clinics/${clinicId}/session-requests.json`,
      message ? { message } : {}
    );
  }

  schedule(clinicId: number, body: ScheduleBody): Promise<UpcomingResponse> {
    return this.#request("POST", `/clinics/${clinicId}/schedules.json`, body);
  }

  deleteSchedule(scheduleId: number): Promise<UpcomingResponse> {
    return this.#request("DELETE", `/schedules/${scheduleId}.json`);
  }

  setBoundary(clinicId: number, text: string): Promise<BoundaryResponse> {
    return this.#request("PUT", `/clinics/${clinicId}/boundary.json`, {
      text,
    });
  }

  // Bodies go as JSON, as in clinic-api.ts.
  #request<T>(method: Method, path: string, body?: object): Promise<T> {
    const options: { type: Method; contentType?: string; data?: string } = {
      type: method,
    };
    if (body !== undefined) {
      options.contentType = "application/json";
      options.data = JSON.stringify(body);
    }
    return ajax(`/online-clinic${path}`, options) as Promise<T>;
  }
}
