import DiscourseRoute from "discourse/routes/discourse";

export interface ClinicFoldersModel {
  clinicId: number;
  folderId: number | null;
}

// /clinic/:id/folders (the first visible folder) and /clinic/:id/folders/:folder_id; the
// folders component loads everything itself, the route only reads the URL.
export default class ClinicFoldersRoute extends DiscourseRoute {
  override model(params: {
    id: string;
    folder_id?: string;
  }): ClinicFoldersModel {
    return {
      clinicId: Number.parseInt(params.id, 10),
      folderId: params.folder_id ? Number.parseInt(params.folder_id, 10) : null,
    };
  }
}
