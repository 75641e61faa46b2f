import DiscourseRoute from "discourse/routes/discourse";

export interface ClinicAuditLogModel {
  clinicId: number;
}

// The audit log component loads and verifies the entries itself, so it can re-read them
// when the clinic changes; the route only turns the URL into a clinic id.
export default class ClinicAuditLogRoute extends DiscourseRoute {
  override model(params: { id: string }): ClinicAuditLogModel {
    return { clinicId: Number.parseInt(params.id, 10) };
  }
}
