// The folder shapes of docs/contract.md ("## Folders").
import type { UserSummary } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";

export const DEFAULT_FOLDER_KEYS = [
  "documents",
  "letters",
  "poems",
  "videos",
  "links",
] as const;
export type DefaultFolderKey = (typeof DEFAULT_FOLDER_KEYS)[number];

export interface Folder {
  id: number;
  key: DefaultFolderKey | null;
  name: string;
  position: number;
  hidden: boolean;
  item_count: number;
}

export interface FolderUpload {
  // The upload's id: what the shared screen names a document by (docs/contract.md).
  id: number;
  url: string;
  original_filename: string;
  extension: string | null;
  filesize: number;
  width: number | null;
  height: number | null;
  thumbnail_url: string | null;
  // Not in the contract today; read when a server sends it.
  mime_type?: string | null;
}

export interface FolderLink {
  url: string;
  title: string | null;
  domain: string;
}

export interface FolderItem {
  topic_id: number;
  title: string;
  url: string;
  author: UserSummary;
  created_at: string;
  bumped_at: string;
  reply_count: number;
  uploads: FolderUpload[];
  links: FolderLink[];
}

export interface FoldersResponse {
  folders: Folder[];
  permissions?: { can_manage: boolean };
}

export type FolderSort = "date" | "title";
export type FolderOrder = "desc" | "asc";

export interface FolderItemsQuery {
  page: number;
  sort: FolderSort;
  order: FolderOrder;
}

export interface FolderItemsResponse {
  folder: Folder;
  items: FolderItem[];
  page: number;
  more: boolean;
}

export interface TopicFolderResponse {
  topic_id: number;
  folder_id: number | null;
}

// MessageBus `/online-clinic/clinic/:id` payload when a clinic's folders change.
export interface FoldersChangedMessage {
  type: "folders_changed";
  clinic_id: number;
}
