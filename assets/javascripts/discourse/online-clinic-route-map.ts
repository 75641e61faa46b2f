import type { DSL } from "@ember/routing/-internals";

// /clinic (the therapist's dashboard), /clinic/:id/audit-log (a clinic's audit log) and
// /clinic/:id/folders[/:folder_id] (a clinic's folders).
export default function (this: DSL): void {
  this.route("clinic", function () {
    this.route("audit-log", { path: "/:id/audit-log" });
    this.route("folders", { path: "/:id/folders" });
    this.route("folder", { path: "/:id/folders/:folder_id" });
  });
}
