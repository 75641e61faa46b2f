import ClinicFoldersRoute from "discourse/plugins/discourse-online-clinic/discourse/routes/clinic/folders";

// /clinic/:id/folders/:folder_id: the same view, opened on one folder.
export default class ClinicFolderRoute extends ClinicFoldersRoute {}
