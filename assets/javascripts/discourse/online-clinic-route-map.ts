import type { DSL } from "@ember/routing/-internals";

// /clinic (the therapist's dashboard) and /clinic/:id/audit-log (a clinic's audit log).
export default function (this: DSL): void {
  this.route("clinic", function () {
    this.route("audit-log", { path: "/:id/audit-log" });
  });
}
