import DiscourseRoute from "discourse/routes/discourse";

export interface ClinicTimelineModel {
  clinicId: number;
}

// The timeline component loads its pages itself (filters and jumps ask the server again); the
// route only turns the URL into a clinic id.
export default class ClinicTimelineRoute extends DiscourseRoute {
  override model(params: { id: string }): ClinicTimelineModel {
    return { clinicId: Number.parseInt(params.id, 10) };
  }
}
