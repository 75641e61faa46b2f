import Service from "@ember/service";
import { ajax } from "discourse/lib/ajax";
import type {
  FolderItemsQuery,
  FolderItemsResponse,
  FoldersResponse,
  TopicFolderResponse,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/folder-types";

type Method = "GET" | "POST" | "PUT" | "DELETE";

// The folder endpoints of docs/contract.md ("## Folders"), one typed method each.
export default class ClinicFoldersApi extends Service {
  folders(clinicId: number): Promise<FoldersResponse> {
    return this.#request("GET", `/clinics/${clinicId}/folders.json`);
  }

  addFolder(clinicId: number, name: string): Promise<FoldersResponse> {
    return this.#request("POST", `/clinics/${clinicId}/folders.json`, {
      name,
    });
  }

  updateFolder(
    folderId: number,
    change: { name?: string; hidden?: boolean }
  ): Promise<FoldersResponse> {
    return this.#request("PUT", `/folders/${folderId}.json`, change);
  }

  reorderFolders(
    clinicId: number,
    folderIds: number[]
  ): Promise<FoldersResponse> {
    return this.#request("PUT", `/clinics/${clinicId}/folders/order.json`, {
      folder_ids: folderIds,
    });
  }

  deleteFolder(folderId: number): Promise<FoldersResponse> {
    return this.#request("DELETE", `/folders/${folderId}.json`);
  }

  items(
    folderId: number,
    query: FolderItemsQuery
  ): Promise<FolderItemsResponse> {
    const search = new URLSearchParams({
      page: String(query.page),
      sort: query.sort,
      order: query.order,
    });
    return this.#request("GET", `/folders/${folderId}/items.json?${search}`);
  }

  moveTopic(
    topicId: number,
    folderId: number | null
  ): Promise<TopicFolderResponse> {
    return this.#request("PUT", `/topics/${topicId}/folder.json`, {
      folder_id: folderId,
    });
  }

  // Bodies go as JSON, as in clinic-api.ts.
  #request<T>(method: Method, path: string, body?: object): Promise<T> {
    const options: { type: Method; contentType?: string; data?: string } = {
      type: method,
    };
    if (body !== undefined) {
      options.contentType = "application/json";
      options.data = JSON.stringify(body);
    }
    return ajax(`/online-clinic${path}`, options) as Promise<T>;
  }
}
