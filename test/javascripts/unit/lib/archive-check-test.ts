import * as fflateModule from "fflate";
import { module, test } from "qunit";
import {
  type ArchiveContents,
  checkArchive,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/archive-check";
import {
  type Fflate,
  readArchive,
  UnreadableArchiveError,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/archive-reader";
import { sha256Hex } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/audit-chain";
import {
  ARCHIVE_UPLOAD_PATH,
  archiveBytes,
  archiveFile,
  archiveWithChangedByte,
} from "../../helpers/archive-fixture";
import { auditLogFixture } from "../../helpers/online-clinic-fixtures";

const fflate = fflateModule as unknown as Fflate;
const SESSION_MD = "# Session 1\n\nשלום\n";

// An archive as the reader would hand it over: record.md and the audit log, listed in a
// manifest whose chain head is the log's last entry.
async function contents(): Promise<{
  contents: ArchiveContents;
  manifest: Record<string, unknown> & {
    files: { path: string; size: number; sha256: string }[];
    missing: { path: string; reason: string; upload_id: number }[];
  };
}> {
  const log = auditLogFixture().entries;
  const logText = JSON.stringify(log);
  const files = [
    {
      path: "audit-log.json",
      size: new TextEncoder().encode(logText).length,
      sha256: await sha256Hex(logText),
    },
    {
      path: "markdown/10.md",
      size: new TextEncoder().encode(SESSION_MD).length,
      sha256: await sha256Hex(SESSION_MD),
    },
  ];
  const last = log[log.length - 1]!;
  const manifest = {
    format: "online-clinic-archive",
    version: 1,
    clinic_id: 8,
    chain_head: { seq: last.seq, entry_hash: last.entry_hash },
    files,
    missing: [] as { path: string; reason: string; upload_id: number }[],
  };
  return {
    manifest,
    contents: {
      entries: [...files.map((f) => ({ ...f })), manifestEntry()],
      manifestText: JSON.stringify(manifest),
      auditLogText: logText,
    },
  };
}

function manifestEntry() {
  return { path: "manifest.json", size: 1, sha256: "0".repeat(64) };
}

module("Unit | Lib | online-clinic | archive-check", function () {
  test("finds an untouched archive intact", async function (assert) {
    const report = await checkArchive((await contents()).contents);

    assert.true(report.intact);
    assert.deepEqual(report.problems, []);
    assert.strictEqual(report.filesChecked, 2);
  });

  test("names the file whose bytes differ, with both sizes", async function (assert) {
    const { contents: archive } = await contents();
    archive.entries[1] = {
      path: "markdown/10.md",
      size: 99,
      sha256: "f".repeat(64),
    };

    const report = await checkArchive(archive);

    assert.false(report.intact);
    assert.deepEqual(
      report.problems.map((p) => [p.code, p.path, p.found?.size]),
      [["file_changed", "markdown/10.md", 99]]
    );
  });

  test("names files missing from the archive, extra files and duplicate names", async function (assert) {
    const { contents: archive } = await contents();
    const markdown = archive.entries[1]!;
    archive.entries.splice(1, 1);
    archive.entries.push({
      path: "uploads/x-note.txt",
      size: 1,
      sha256: "a".repeat(64),
    });
    archive.entries.push({ ...archive.entries[0]! });

    const report = await checkArchive(archive);

    assert.deepEqual(
      report.problems.map((p) => [p.code, p.path]),
      [
        ["duplicate_entries", null],
        ["file_extra", "uploads/x-note.txt"],
        ["file_missing", markdown.path],
      ]
    );
  });

  test("names the first altered audit entry and a chain head that is not the log's end", async function (assert) {
    const { contents: archive } = await contents();
    const log = auditLogFixture().entries;
    log[3]!.details = { from: "Noa & Amir", to: "someone else" };
    archive.auditLogText = JSON.stringify(log.slice(0, 5));

    const report = await checkArchive(archive);
    const codes = report.problems.map((p) => p.code);

    assert.true(codes.includes("chain_broken"));
    assert.strictEqual(
      report.problems.find((p) => p.code === "chain_broken")?.seq,
      4
    );
    assert.true(codes.includes("chain_head_mismatch"));
  });

  test("reports a missing or unusable manifest and an audit log that is not a list", async function (assert) {
    const { contents: archive } = await contents();

    const noManifest = await checkArchive({ ...archive, manifestText: null });
    assert.deepEqual(
      noManifest.problems.map((p) => p.code),
      ["manifest_missing"]
    );

    const { manifest } = await contents();
    manifest.files[0]!.path = "../escape.json";
    const unsafe = await checkArchive({
      ...archive,
      manifestText: JSON.stringify(manifest),
    });
    assert.deepEqual(
      unsafe.problems.map((p) => p.code),
      ["manifest_invalid"]
    );

    const badLog = await checkArchive({ ...archive, auditLogText: '{"a":1}' });
    assert.true(
      badLog.problems.some((p) => p.code === "audit_log_invalid"),
      "an object is not a list of entries"
    );
  });

  test("notes uploads the manifest declares missing and accepts their partial bytes", async function (assert) {
    const { contents: archive, manifest } = await contents();
    manifest.missing.push({
      path: "uploads/bbbb-scan.pdf",
      reason: "unreadable",
      upload_id: 9,
    });
    archive.manifestText = JSON.stringify(manifest);
    archive.entries.push({
      path: "uploads/bbbb-scan.pdf",
      size: 3,
      sha256: "c".repeat(64),
    });

    const report = await checkArchive(archive);

    assert.true(report.intact, "a declared failure is not a problem");
    assert.deepEqual(
      report.notes.map((n) => [n.code, n.path, n.reason]),
      [["upload_missing", "uploads/bbbb-scan.pdf", "unreadable"]]
    );
  });

  test("reads the Ruby writer's archive in the browser and finds it intact", async function (assert) {
    const archive = await readArchive(archiveFile(archiveBytes()), fflate);
    const report = await checkArchive(archive);

    assert.true(report.intact, JSON.stringify(report.problems));
    assert.strictEqual(report.filesChecked, 5);
    assert.deepEqual(
      report.notes.map((n) => n.code),
      ["upload_missing"],
      "the upload the writer could not open is named"
    );
  });

  test("names the upload in which one byte was changed", async function (assert) {
    const archive = await readArchive(
      archiveFile(archiveWithChangedByte()),
      fflate
    );
    const report = await checkArchive(archive);

    assert.deepEqual(
      report.problems.map((p) => [p.code, p.path]),
      [["file_changed", ARCHIVE_UPLOAD_PATH]]
    );
  });

  test("refuses a file that is not a zip", async function (assert) {
    const notZip = archiveFile(
      new TextEncoder().encode("just some text, not an archive")
    );

    await assert.rejects(readArchive(notZip, fflate), UnreadableArchiveError);
  });
});
