// Checks what was read from an export archive against its own manifest and hash chain, as
// lib/online_clinic/archive_verifier.rb does (same problem codes and order, so the browser and
// `bin/verify-archive` agree): every file's size and SHA-256, files missing or added, duplicate
// names, the chain in audit-log.json, and that the manifest's chain head is the log's last
// entry. Uploads the manifest declares missing are notes, not problems.
import { type ChainEntry, verifyChain } from "./audit-chain";

export const MANIFEST_PATH = "manifest.json";
export const AUDIT_LOG_PATH = "audit-log.json";
const FORMAT = "online-clinic-archive";
const VERSION = 1;
const SHA256_FORMAT = /^[0-9a-f]{64}$/i;

export type ArchiveProblemCode =
  | "archive_unreadable"
  | "duplicate_entries"
  | "manifest_missing"
  | "manifest_invalid"
  | "file_changed"
  | "file_missing"
  | "file_extra"
  | "file_unreadable"
  | "audit_log_invalid"
  | "chain_broken"
  | "chain_head_mismatch"
  | "upload_missing";

export interface ArchiveProblem {
  code: ArchiveProblemCode;
  path: string | null;
  // chain_broken: the first broken entry.
  seq?: number;
  // upload_missing: "not_found" | "unreadable".
  reason?: string;
  // file_changed: what the manifest says and what the archive holds.
  expected?: { size: number; sha256: string };
  found?: { size: number; sha256: string };
}

// One zip entry as read: its bytes' size and SHA-256, or the error that stopped the read.
export type ArchiveEntry =
  | { path: string; size: number; sha256: string }
  | { path: string; error: string };

export interface ArchiveContents {
  entries: ArchiveEntry[];
  // The text of manifest.json and audit-log.json, null when the archive has none.
  manifestText: string | null;
  auditLogText: string | null;
}

export interface ArchiveReport {
  intact: boolean;
  problems: ArchiveProblem[];
  notes: ArchiveProblem[];
  filesChecked: number;
}

interface ManifestFile {
  path: string;
  size: number;
  sha256: string;
}

interface Manifest {
  files: ManifestFile[];
  missing: { path: string; reason?: string }[];
  chain_head: { seq: number; entry_hash: string } | null;
}

type Json = { [key: string]: unknown };

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// ArchiveManifest.valid_path?: relative, no "..", no hidden parts, no backslash.
function validPath(path: unknown): path is string {
  return (
    typeof path === "string" &&
    path !== "" &&
    path !== MANIFEST_PATH &&
    !path.startsWith("/") &&
    !path.includes("\\") &&
    path.split("/").every((part) => part !== "" && !part.startsWith("."))
  );
}

// ArchiveManifest.parse: null when the manifest cannot be used.
export function parseManifest(text: string): Manifest | null {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (
    !isObject(data) ||
    data.format !== FORMAT ||
    data.version !== VERSION ||
    !Array.isArray(data.files) ||
    !Array.isArray(data.missing)
  ) {
    return null;
  }
  const filesOk = data.files.every(
    (file) =>
      isObject(file) &&
      validPath(file.path) &&
      Number.isInteger(file.size) &&
      SHA256_FORMAT.test(String(file.sha256))
  );
  const paths = [...data.files, ...data.missing].map((file) =>
    isObject(file) ? file.path : null
  );
  const head = data.chain_head;
  const headOk =
    head === null ||
    head === undefined ||
    (isObject(head) &&
      Number.isInteger(head.seq) &&
      typeof head.entry_hash === "string");
  if (!filesOk || new Set(paths).size !== paths.length || !headOk) {
    return null;
  }
  return data as unknown as Manifest;
}

function byPath<T extends { path: string }>(
  files: readonly T[]
): Map<string, T> {
  return new Map(files.map((file) => [file.path, file]));
}

function checkFiles(
  entries: readonly ArchiveEntry[],
  manifest: Manifest,
  report: ArchiveReport
): void {
  const listed = byPath(manifest.files);
  const declaredMissing = byPath(manifest.missing);
  const firstByName = byPath([...entries].reverse());
  const names = [...firstByName.keys()].sort();
  for (const name of names) {
    const entry = firstByName.get(name)!;
    if (name === MANIFEST_PATH || name.endsWith("/")) {
      continue;
    }
    const expected = listed.get(name);
    listed.delete(name);
    // A read that failed halfway leaves its partial bytes; the manifest says so.
    if (!expected && declaredMissing.has(name)) {
      continue;
    }
    if (!expected) {
      report.problems.push({ code: "file_extra", path: name });
      continue;
    }
    report.filesChecked += 1;
    if ("error" in entry) {
      report.problems.push({ code: "file_unreadable", path: name });
    } else if (
      entry.size !== expected.size ||
      entry.sha256 !== expected.sha256.toLowerCase()
    ) {
      report.problems.push({
        code: "file_changed",
        path: name,
        expected: { size: expected.size, sha256: expected.sha256 },
        found: { size: entry.size, sha256: entry.sha256 },
      });
    }
  }
  for (const path of listed.keys()) {
    report.problems.push({ code: "file_missing", path });
  }
  for (const missing of declaredMissing.values()) {
    report.notes.push({
      code: "upload_missing",
      path: missing.path,
      reason: missing.reason,
    });
  }
}

async function checkChain(
  auditLogText: string | null,
  manifest: Manifest,
  report: ArchiveReport
): Promise<void> {
  if (auditLogText === null) {
    return; // already reported as missing against the manifest
  }
  let entries: unknown;
  try {
    entries = JSON.parse(auditLogText);
  } catch {
    entries = null;
  }
  if (!Array.isArray(entries) || !entries.every(isObject)) {
    report.problems.push({ code: "audit_log_invalid", path: AUDIT_LOG_PATH });
    return;
  }
  const chain = entries as unknown as ChainEntry[];
  const verdict = await verifyChain(chain);
  if (!verdict.valid) {
    report.problems.push({
      code: "chain_broken",
      path: AUDIT_LOG_PATH,
      seq: verdict.brokenAtSeq ?? undefined,
    });
  }
  const last = chain[chain.length - 1];
  const head = manifest.chain_head ?? null;
  const agrees =
    head === null
      ? last === undefined
      : last !== undefined &&
        head.seq === last.seq &&
        head.entry_hash === last.entry_hash;
  if (!agrees) {
    report.problems.push({ code: "chain_head_mismatch", path: MANIFEST_PATH });
  }
}

export async function checkArchive(
  contents: ArchiveContents
): Promise<ArchiveReport> {
  const report: ArchiveReport = {
    intact: false,
    problems: [],
    notes: [],
    filesChecked: 0,
  };
  const names = new Set(contents.entries.map((entry) => entry.path));
  if (names.size !== contents.entries.length) {
    report.problems.push({ code: "duplicate_entries", path: null });
  }
  if (contents.manifestText === null) {
    report.problems.push({ code: "manifest_missing", path: null });
  } else {
    const manifest = parseManifest(contents.manifestText);
    if (!manifest) {
      report.problems.push({ code: "manifest_invalid", path: null });
    } else {
      checkFiles(contents.entries, manifest, report);
      await checkChain(contents.auditLogText, manifest, report);
    }
  }
  report.intact = report.problems.length === 0;
  return report;
}

// What the browser reports when the file is not a zip it can read at all.
export function unreadableArchive(): ArchiveReport {
  return {
    intact: false,
    problems: [{ code: "archive_unreadable", path: null }],
    notes: [],
    filesChecked: 0,
  };
}
