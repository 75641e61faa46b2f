// The folder fixtures typed as the contract's shapes (see online-clinic-fixtures.ts for why
// through unknown); each call returns a fresh copy a test may change.
import type {
  FolderItemsResponse,
  FoldersResponse,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/folder-types";
import folderItems from "../../fixtures/online-clinic/folder-items.json";
import folders from "../../fixtures/online-clinic/folders.json";

function copy<T>(json: unknown): T {
  return structuredClone(json) as T;
}

export const foldersFixture = (): FoldersResponse => copy(folders);
export const folderItemsFixture = (): FolderItemsResponse => copy(folderItems);
