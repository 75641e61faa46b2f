// The owner of the running test or preview, for doubles that Discourse resolves through
// `getOwnerWithFallback` (e.g. popupAjaxError → service:dialog).
import type Owner from "@ember/owner";

let owner: Owner | undefined;

export function setCurrentOwner(value: Owner | undefined): void {
  owner = value;
}

export function currentOwner(): Owner | undefined {
  return owner;
}
