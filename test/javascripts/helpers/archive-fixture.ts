// The export archive harness/ruby/generate-archive-fixture wrote with the real ArchiveWriter
// (test/fixtures/online-clinic/record-archive.zip), inlined by Vite as a data: URL so that no
// request is needed (Pretender would answer it).
import archiveDataUrl from "../../fixtures/online-clinic/record-archive.zip?inline";

export const ARCHIVE_UPLOAD_PATH =
  "uploads/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa-drawing.png";

export function archiveBytes(): Uint8Array<ArrayBuffer> {
  const base64 = archiveDataUrl.slice(archiveDataUrl.indexOf(",") + 1);
  return Uint8Array.from(atob(base64), (char) => char.charCodeAt(0));
}

// The archive with one byte of the stored upload changed. The upload is stored, not deflated,
// so the zip stays readable and only that file's SHA-256 differs.
export function archiveWithChangedByte(): Uint8Array<ArrayBuffer> {
  const bytes = archiveBytes();
  const name = new TextEncoder().encode(ARCHIVE_UPLOAD_PATH);
  const start = indexOf(bytes, name);
  if (start < 0) {
    throw new Error("the fixture has no stored upload");
  }
  const dataStart = start + name.length + 100;
  bytes[dataStart] = (bytes[dataStart]! + 1) % 256;
  return bytes;
}

function indexOf(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) {
        continue outer;
      }
    }
    return i;
  }
  return -1;
}

export function archiveFile(
  bytes: Uint8Array<ArrayBuffer>,
  name = "clinic-record-2026-12-04.zip"
): File {
  return new File([bytes], name, { type: "application/zip" });
}
