// The preview's stand-in for the folders endpoints (docs/contract.md, "Folders"), with demo
// items of every kind in Jenny's clinic. Most files point at nothing real (previews show
// their kind); reading.txt, referral.pdf and waves.wav are served by demo-media.mjs so the
// shared screen can show them.
import type { DemoClinic } from "./demo-data";
import type { FakeClinicServer, Reply } from "./fake-server";
import { bodyOf, idOf, json, summary, userById } from "./fake-server";

const DEFAULT_KEYS = [
  "documents",
  "letters",
  "poems",
  "videos",
  "links",
] as const;
const PAGE_SIZE = 30;

export interface StoredFolder {
  id: number;
  clinic_id: number;
  key: string | null;
  name: string | null;
  position: number;
  hidden: boolean;
}

export interface StoredFolderItem {
  topic_id: number;
  clinic_id: number;
  folder_id: number;
  title: string;
  author_id: number;
  created_at: string;
  reply_count: number;
  uploads: {
    id: number;
    url: string;
    original_filename: string;
    extension: string;
    filesize: number;
    width: number | null;
    height: number | null;
    thumbnail_url: string | null;
  }[];
  links: { url: string; title: string | null; domain: string }[];
}

// Upload ids are what the shared screen names a document by (docs/contract.md).
function upload(
  id: number,
  name: string,
  size: number
): StoredFolderItem["uploads"][number] {
  const extension = name.split(".").pop() ?? "";
  return {
    id,
    url: `/uploads/preview/${name}`,
    original_filename: name,
    extension,
    filesize: size,
    width: null,
    height: null,
    thumbnail_url: null,
  };
}

function demoItems(
  folderIds: Record<string, number>,
  clinicId: number
): StoredFolderItem[] {
  const day = (n: number) => new Date(Date.now() - n * 86400000).toISOString();
  const item = (
    topicId: number,
    key: string,
    title: string,
    authorId: number,
    age: number,
    extra: Partial<StoredFolderItem> = {}
  ): StoredFolderItem => ({
    topic_id: topicId,
    clinic_id: clinicId,
    folder_id: folderIds[key],
    title,
    author_id: authorId,
    created_at: day(age),
    reply_count: 0,
    uploads: [],
    links: [],
    ...extra,
  });
  return [
    item(3001, "documents", "Referral letter from Dr. Katz", 2, 40, {
      uploads: [upload(7001, "referral.pdf", 182000)],
      reply_count: 1,
    }),
    item(3002, "documents", "A drawing from last night", 2, 12, {
      uploads: [upload(7002, "drawing.png", 420000)],
    }),
    item(3003, "letters", "A letter I will not send", 2, 9, { reply_count: 3 }),
    item(3004, "poems", "שיר על הים", 2, 5),
    item(3005, "videos", "The film we talked about", 1, 4, {
      links: [
        {
          url: "https://www.youtube.com/watch?v=aqz-KE-bpKQ",
          title: null,
          domain: "youtube.com",
        },
      ],
    }),
    item(3006, "videos", "Voice note before the session", 2, 2, {
      uploads: [upload(7006, "before-session.m4a", 900000)],
    }),
    item(3008, "documents", "Something to read together", 1, 3, {
      uploads: [upload(7008, "reading.txt", 9000)],
    }),
    item(3009, "videos", "Waves, two minutes to breathe with", 1, 1, {
      uploads: [upload(7009, "waves.wav", 960044)],
    }),
    item(3007, "links", "An article about grief", 1, 20, {
      links: [
        {
          url: "https://en.wikipedia.org/wiki/Grief",
          title: "Grief — Wikipedia",
          domain: "en.wikipedia.org",
        },
      ],
    }),
  ];
}

export function serveFolders(server: FakeClinicServer): void {
  const folders = () => (server.state.folders ??= []);
  const items = () => (server.state.folderItems ??= []);

  // Each clinic gets its five default folders the first time they are asked for.
  const foldersOf = (clinic: DemoClinic): StoredFolder[] => {
    if (!folders().some((f) => f.clinic_id === clinic.id)) {
      const ids: Record<string, number> = {};
      DEFAULT_KEYS.forEach((key, position) => {
        const id = Math.max(0, ...folders().map((f) => f.id)) + 1;
        ids[key] = id;
        folders().push({
          id,
          clinic_id: clinic.id,
          key,
          name: null,
          position,
          hidden: false,
        });
      });
      if (clinic.id === 1) {
        items().push(...demoItems(ids, clinic.id));
      }
      server.persist();
    }
    return folders()
      .filter((f) => f.clinic_id === clinic.id)
      .sort((a, b) => a.position - b.position);
  };

  const folderJson = (folder: StoredFolder) => ({
    id: folder.id,
    key: folder.key,
    name:
      folder.name ??
      server.text(`online_clinic.folders.defaults.${folder.key}`),
    position: folder.position,
    hidden: folder.hidden,
    item_count: items().filter((i) => i.folder_id === folder.id).length,
  });

  const answer = (clinic: DemoClinic): Reply =>
    json(200, {
      folders: foldersOf(clinic).map(folderJson),
      permissions: { can_manage: clinic.status === "open" },
    });

  const nameError = (
    clinic: DemoClinic,
    name: string,
    except?: number
  ): Reply | null => {
    const normalized = name.trim().replace(/\s+/g, " ");
    if (normalized === "") {
      return server.error(422, "folder_name_blank");
    }
    if ([...normalized].length > 40) {
      return server.error(422, "folder_name_too_long");
    }
    if (/<[^>]*>|&[#\w]+;/.test(normalized)) {
      return server.error(422, "folder_name_contains_html");
    }
    const taken = foldersOf(clinic).some(
      (f) =>
        f.id !== except &&
        folderJson(f).name.toLowerCase() === normalized.toLowerCase()
    );
    return taken ? server.error(422, "folder_name_taken") : null;
  };

  // The folder and its clinic, for a member; 404 otherwise.
  const memberFolder = (id: unknown) => {
    server.refresh();
    const clinicId = folders().find((f) => f.id === idOf(id))?.clinic_id ?? 0;
    const found = server.member(clinicId);
    const folder = folders().find((f) => f.id === idOf(id));
    return !folder || Array.isArray(found)
      ? null
      : { folder, clinic: found.clinic };
  };

  server.pretender.get("/online-clinic/clinics/:id/folders.json", (request) => {
    const found = server.member(request.params.id);
    return Array.isArray(found) ? found : answer(found.clinic);
  });

  server.pretender.post(
    "/online-clinic/clinics/:id/folders.json",
    (request) => {
      const found = server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const name = String(bodyOf(request.requestBody).name ?? "");
      const refusal = nameError(found.clinic, name);
      if (refusal) {
        return refusal;
      }
      const existing = foldersOf(found.clinic);
      folders().push({
        id: Math.max(0, ...folders().map((f) => f.id)) + 1,
        clinic_id: found.clinic.id,
        key: null,
        name: name.trim().replace(/\s+/g, " "),
        position: existing.length,
        hidden: false,
      });
      server.changed(found.clinic, { type: "folders_changed" });
      return answer(found.clinic);
    }
  );

  server.pretender.put("/online-clinic/folders/:id", (request) => {
    const found = memberFolder(request.params.id);
    if (!found) {
      return server.notFound();
    }
    const body = bodyOf(request.requestBody);
    if (typeof body.name === "string") {
      const refusal = nameError(found.clinic, body.name, found.folder.id);
      if (refusal) {
        return refusal;
      }
      found.folder.name = body.name.trim().replace(/\s+/g, " ");
    }
    if (typeof body.hidden === "boolean") {
      const visible = foldersOf(found.clinic).filter(
        (f) => !f.hidden && f.id !== found.folder.id
      );
      if (body.hidden && visible.length === 0) {
        return server.error(422, "last_visible_folder");
      }
      found.folder.hidden = body.hidden;
    }
    server.changed(found.clinic, { type: "folders_changed" });
    return answer(found.clinic);
  });

  server.pretender.put(
    "/online-clinic/clinics/:id/folders/order.json",
    (request) => {
      const found = server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const order = (bodyOf(request.requestBody).folder_ids as unknown[]) ?? [];
      foldersOf(found.clinic).forEach((folder) => {
        const position = order.findIndex((id) => idOf(id) === folder.id);
        folder.position = position < 0 ? order.length : position;
      });
      server.changed(found.clinic, { type: "folders_changed" });
      return answer(found.clinic);
    }
  );

  server.pretender.delete("/online-clinic/folders/:id", (request) => {
    const found = memberFolder(request.params.id);
    if (!found) {
      return server.notFound();
    }
    if (items().some((i) => i.folder_id === found.folder.id)) {
      return server.error(422, "folder_not_empty");
    }
    server.state.folders = folders().filter((f) => f.id !== found.folder.id);
    server.changed(found.clinic, { type: "folders_changed" });
    return answer(found.clinic);
  });

  server.pretender.get("/online-clinic/folders/:id/items.json", (request) => {
    const found = memberFolder(request.params.id);
    if (!found) {
      return server.notFound();
    }
    const page = Number(request.queryParams.page ?? 0);
    const byTitle = request.queryParams.sort === "title";
    const ascending = request.queryParams.order === "asc";
    const sorted = items()
      .filter((i) => i.folder_id === found.folder.id)
      .sort((a, b) =>
        byTitle
          ? a.title.localeCompare(b.title)
          : a.created_at.localeCompare(b.created_at)
      );
    if (
      byTitle ? !ascending && request.queryParams.order === "desc" : !ascending
    ) {
      sorted.reverse();
    }
    const slice = sorted.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
    return json(200, {
      folder: folderJson(found.folder),
      items: slice.map((i) => ({
        topic_id: i.topic_id,
        title: i.title,
        url: `/t/${i.topic_id}`,
        author: summary(userById(i.author_id)),
        created_at: i.created_at,
        bumped_at: i.created_at,
        reply_count: i.reply_count,
        uploads: i.uploads,
        links: i.links,
      })),
      page,
      more: sorted.length > (page + 1) * PAGE_SIZE,
    });
  });
}
