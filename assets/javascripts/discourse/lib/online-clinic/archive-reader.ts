// Reads an export archive the member picked, in the browser (nothing is uploaded), with
// fflate's streaming Unzip: the file is read a chunk at a time and each entry is hashed with
// WebCrypto's SHA-256 as soon as its last byte arrives. WebCrypto cannot hash incrementally,
// so memory is bounded by the largest single entry (one upload), not by the archive's size.
import {
  type ArchiveContents,
  type ArchiveEntry,
  AUDIT_LOG_PATH,
  MANIFEST_PATH,
} from "./archive-check";

// The part of fflate's API (its UMD build defines `window.fflate`) used here.
export interface FflateUnzipFile {
  name: string;
  compression: number;
  ondata: (error: Error | null, data: Uint8Array, final: boolean) => void;
  start(): void;
  terminate(): void;
}

export interface FflateUnzip {
  onfile: (file: FflateUnzipFile) => void;
  register(decoder: unknown): void;
  push(chunk: Uint8Array, final?: boolean): void;
}

export interface Fflate {
  Unzip: new () => FflateUnzip;
  UnzipInflate: unknown;
}

export class UnreadableArchiveError extends Error {}

const CHUNK_SIZE = 1024 * 1024;
const TEXT_ENTRIES = new Set([MANIFEST_PATH, AUDIT_LOG_PATH]);

function concat(chunks: Uint8Array[], size: number): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

async function sha256Hex(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", bytes);
  return Array.from(new Uint8Array(digest), (byte) =>
    byte.toString(16).padStart(2, "0")
  ).join("");
}

async function* chunksOf(file: Blob): AsyncGenerator<Uint8Array> {
  for (let offset = 0; offset < file.size; offset += CHUNK_SIZE) {
    const slice = file.slice(offset, offset + CHUNK_SIZE);
    yield new Uint8Array(await slice.arrayBuffer());
  }
}

// Throws UnreadableArchiveError when the file is not a zip fflate can walk.
export async function readArchive(
  file: Blob,
  fflate: Fflate
): Promise<ArchiveContents> {
  const contents: ArchiveContents = {
    entries: [],
    manifestText: null,
    auditLogText: null,
  };
  let pending: Promise<void>[] = [];
  const unzip = new fflate.Unzip();
  unzip.register(fflate.UnzipInflate);
  unzip.onfile = (entry) => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    entry.ondata = (error, data, final) => {
      if (error) {
        contents.entries.push({ path: entry.name, error: error.message });
        return;
      }
      chunks.push(data);
      size += data.length;
      if (!final) {
        return;
      }
      const bytes = concat(chunks, size);
      chunks.length = 0;
      if (TEXT_ENTRIES.has(entry.name)) {
        const text = new TextDecoder().decode(bytes);
        if (entry.name === MANIFEST_PATH) {
          contents.manifestText ??= text;
        } else {
          contents.auditLogText ??= text;
        }
      }
      const slot: ArchiveEntry = { path: entry.name, size, sha256: "" };
      contents.entries.push(slot);
      pending.push(
        sha256Hex(bytes).then((hex) => {
          slot.sha256 = hex;
        })
      );
    };
    try {
      entry.start();
    } catch (error) {
      // An unknown compression method or encryption: the entry is named, not read.
      contents.entries.push({ path: entry.name, error: String(error) });
    }
  };
  try {
    for await (const chunk of chunksOf(file)) {
      unzip.push(chunk, false);
      // Hash what is complete before reading on, so finished entries do not pile up.
      await Promise.all(pending);
      pending = [];
    }
    unzip.push(new Uint8Array(0), true);
    await Promise.all(pending);
  } catch (error) {
    throw new UnreadableArchiveError(String(error));
  }
  if (contents.entries.length === 0) {
    throw new UnreadableArchiveError("no zip entries");
  }
  return contents;
}
