import Service from "@ember/service";
import { ajax } from "discourse/lib/ajax";
import type {
  AuditLogResponse,
  Clinic,
  ClinicListResponse,
  ClinicResponse,
  NewClinicBody,
  NewMemberBody,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";

type Method = "GET" | "POST" | "PUT" | "DELETE";

// Every endpoint of docs/contract.md behind one typed method each.
export default class ClinicApi extends Service {
  listClinics(): Promise<ClinicListResponse> {
    return this.#request<ClinicListResponse>("GET", "/clinics.json");
  }

  createClinic(body: NewClinicBody): Promise<Clinic> {
    return this.#clinic("POST", "/clinics.json", body);
  }

  getClinic(id: number): Promise<Clinic> {
    return this.#clinic("GET", `/clinics/${id}.json`);
  }

  getClinicByCategory(categoryId: number): Promise<Clinic> {
    return this.#clinic("GET", `/clinics/by-category/${categoryId}.json`);
  }

  renameClinic(id: number, name: string): Promise<Clinic> {
    return this.#clinic("PUT", `/clinics/${id}.json`, { name });
  }

  addMember(id: number, member: NewMemberBody): Promise<Clinic> {
    return this.#clinic("POST", `/clinics/${id}/members.json`, member);
  }

  removeMember(id: number, userId: number): Promise<Clinic> {
    return this.#clinic("DELETE", `/clinics/${id}/members/${userId}.json`);
  }

  archiveClinic(id: number): Promise<Clinic> {
    return this.#clinic("PUT", `/clinics/${id}/archive.json`);
  }

  reopenClinic(id: number): Promise<Clinic> {
    return this.#clinic("PUT", `/clinics/${id}/reopen.json`);
  }

  auditLog(id: number): Promise<AuditLogResponse> {
    return this.#request<AuditLogResponse>(
      "GET",
      `/clinics/${id}/audit-log.json`
    );
  }

  async #clinic(method: Method, path: string, body?: object): Promise<Clinic> {
    const response = await this.#request<ClinicResponse>(method, path, body);
    return response.clinic;
  }

  // Bodies go as JSON: form encoding would drop an empty `usernames: []`.
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
