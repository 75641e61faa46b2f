// The JSON fixtures the Ruby serializer specs also check, typed as the contract's shapes.
// TypeScript infers a JSON file's literal shape, not the contract's unions, hence the one
// step through unknown; each call returns a fresh copy a test may change.
import type {
  AuditLogResponse,
  ClinicListResponse,
  ClinicResponse,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";
import auditLog from "../../fixtures/online-clinic/audit-log.json";
import auditLogTampered from "../../fixtures/online-clinic/audit-log-tampered.json";
import clinicArchived from "../../fixtures/online-clinic/clinic-archived.json";
import clinicClient from "../../fixtures/online-clinic/clinic-client.json";
import clinicTherapist from "../../fixtures/online-clinic/clinic-therapist.json";
import clinics from "../../fixtures/online-clinic/clinics.json";

function copy<T>(json: unknown): T {
  return structuredClone(json) as T;
}

export const clinicsFixture = (): ClinicListResponse => copy(clinics);
export const therapistClinicFixture = (): ClinicResponse =>
  copy(clinicTherapist);
export const clientClinicFixture = (): ClinicResponse => copy(clinicClient);
export const archivedClinicFixture = (): ClinicResponse => copy(clinicArchived);
export const auditLogFixture = (): AuditLogResponse => copy(auditLog);
export const tamperedAuditLogFixture = (): AuditLogResponse =>
  copy(auditLogTampered);
