import type { DSL } from "@ember/routing/-internals";

// /clinic (the therapist's dashboard), /clinic/:id/audit-log (a clinic's audit log),
// /clinic/:id/folders[/:folder_id] (a clinic's folders) and /clinic/:id/timeline (its record).
export default function (this: DSL): void {
  this.route("clinic", function () {
    this.route("audit-log", { path: "/:id/audit-log" });
    this.route("folders", { path: "/:id/folders" });
    this.route("folder", { path: "/:id/folders/:folder_id" });
    this.route("timeline", { path: "/:id/timeline" });
  });
}
