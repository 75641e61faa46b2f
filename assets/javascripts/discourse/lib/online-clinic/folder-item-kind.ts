// What an item of a folder is, and what its card previews, decided from the first post's
// uploads and links (docs/contract.md: the browser decides, the server does not). Pure.
import type {
  FolderItem,
  FolderLink,
  FolderUpload,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/folder-types";

export const FOLDER_ITEM_KINDS = [
  "image",
  "pdf",
  "audio",
  "video",
  "document",
  "link",
  "text",
] as const;
export type FolderItemKind = (typeof FOLDER_ITEM_KINDS)[number];

const IMAGE = new Set([
  "jpg",
  "jpeg",
  "png",
  "gif",
  "webp",
  "avif",
  "svg",
  "heic",
  "heif",
  "bmp",
  "tif",
  "tiff",
]);
const AUDIO = new Set([
  "mp3",
  "m4a",
  "ogg",
  "oga",
  "opus",
  "wav",
  "flac",
  "aac",
]);
const VIDEO = new Set(["mp4", "m4v", "mov", "webm", "ogv", "mkv", "avi"]);
const VIDEO_HOSTS = [
  "youtube.com",
  "youtu.be",
  "youtube-nocookie.com",
  "vimeo.com",
];

// Enough of an upload to tell its kind (a folder's item, or the shared screen's document).
export type NamedUpload = Pick<
  FolderUpload,
  "extension" | "original_filename"
> &
  Partial<Pick<FolderUpload, "mime_type">>;

export function uploadExtension(upload: NamedUpload): string {
  const fromField = upload.extension?.trim();
  const name = fromField
    ? fromField
    : (/\.([^./]+)$/.exec(upload.original_filename)?.[1] ?? "");
  return name.replace(/^\./, "").toLowerCase();
}

export function uploadKind(upload: NamedUpload): FolderItemKind {
  const mime = upload.mime_type?.toLowerCase() ?? "";
  if (mime === "application/pdf") {
    return "pdf";
  }
  for (const kind of ["image", "audio", "video"] as const) {
    if (mime.startsWith(`${kind}/`)) {
      return kind;
    }
  }
  const extension = uploadExtension(upload);
  if (extension === "pdf") {
    return "pdf";
  }
  if (IMAGE.has(extension)) {
    return "image";
  }
  if (AUDIO.has(extension)) {
    return "audio";
  }
  if (VIDEO.has(extension)) {
    return "video";
  }
  return "document";
}

function hostOf(url: string): string | null {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

export function isVideoLink(link: FolderLink): boolean {
  const host = hostOf(link.url) ?? link.domain.toLowerCase();
  return VIDEO_HOSTS.some((h) => host === h || host.endsWith(`.${h}`));
}

// The first upload decides, else the first link, else the item is text.
export function folderItemKind(item: FolderItem): FolderItemKind {
  const upload = item.uploads[0];
  if (upload) {
    return uploadKind(upload);
  }
  const link = item.links[0];
  if (link) {
    return isVideoLink(link) ? "video" : "link";
  }
  return "text";
}

// Only web addresses go into an href or src: a `javascript:` link stored in a post must not
// become a clickable card.
export function safeUrl(url: string): string | null {
  if (url.startsWith("/") && !url.startsWith("//")) {
    return url;
  }
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:"
      ? url
      : null;
  } catch {
    return null;
  }
}

export type FolderItemPreview =
  | { type: "image"; src: string; alt: string }
  | { type: "pdf"; url: string; filename: string }
  | { type: "audio"; src: string }
  | { type: "video"; src: string }
  | { type: "document"; url: string; filename: string }
  | { type: "link"; url: string; title: string; domain: string }
  | { type: "none" };

export function previewOf(item: FolderItem): FolderItemPreview {
  const upload = item.uploads[0];
  if (upload) {
    const url = safeUrl(upload.url);
    if (!url) {
      return { type: "none" };
    }
    switch (uploadKind(upload)) {
      case "image":
        return {
          type: "image",
          src: (upload.thumbnail_url && safeUrl(upload.thumbnail_url)) || url,
          alt: upload.original_filename,
        };
      case "pdf":
        return { type: "pdf", url, filename: upload.original_filename };
      case "audio":
        return { type: "audio", src: url };
      case "video":
        return { type: "video", src: url };
      default:
        return { type: "document", url, filename: upload.original_filename };
    }
  }
  const link = item.links[0];
  const url = link ? safeUrl(link.url) : null;
  if (link && url) {
    return {
      type: "link",
      url,
      title: link.title?.trim() || link.url,
      domain: link.domain,
    };
  }
  return { type: "none" };
}
