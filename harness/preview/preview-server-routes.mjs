// What the preview's server answers besides its built files, shared by bin/preview and the
// end-to-end run so both serve the same thing: the demo uploads and the export bridge.
import { spawn } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { demoMediaHandler } from "./demo-media.mjs";

const repoDir = join(dirname(fileURLToPath(import.meta.url)), "../..");
const EXPORT_INPUT_LIMIT = 64 * 1024 * 1024;

// POST /__preview/export: the fake server's export posts the demo clinic as JSON (the shape at
// the top of harness/preview/export-demo.rb) and gets back a real archive, written by the same
// ArchiveWriter the Discourse job runs. 400 with the script's message when it refuses the input.
function exportBridge(req, res, url) {
  if (url.pathname !== "/__preview/export") {
    return false;
  }
  if (req.method !== "POST") {
    res.writeHead(405, { Allow: "POST" }).end();
    return true;
  }
  const child = spawn(
    "bundle",
    ["exec", "ruby", "harness/preview/export-demo.rb"],
    { cwd: repoDir, stdio: ["pipe", "pipe", "pipe"] }
  );
  const out = [];
  const errors = [];
  let received = 0;
  child.stdout.on("data", (chunk) => out.push(chunk));
  child.stderr.on("data", (chunk) => errors.push(chunk));
  child.stdin.on("error", () => {});
  req.on("data", (chunk) => {
    received += chunk.length;
    if (received > EXPORT_INPUT_LIMIT) {
      req.destroy();
      child.kill();
      return;
    }
    child.stdin.write(chunk);
  });
  req.on("end", () => child.stdin.end());
  child.on("error", (error) => {
    res
      .writeHead(500, { "Content-Type": "text/plain; charset=utf-8" })
      .end(`export-demo could not start: ${error.message}`);
  });
  child.on("close", (code) => {
    if (res.headersSent) {
      return;
    }
    if (code === 0) {
      const zip = Buffer.concat(out);
      res
        .writeHead(200, {
          "Content-Type": "application/zip",
          "Content-Length": zip.length,
          "Cache-Control": "no-store",
        })
        .end(zip);
    } else {
      const message =
        Buffer.concat(errors).toString("utf8").trim() ||
        "the export could not be written";
      res
        .writeHead(400, { "Content-Type": "text/plain; charset=utf-8" })
        .end(message);
    }
  });
  return true;
}

export function previewRequestHandler() {
  const mediaHandler = demoMediaHandler(join(repoDir, "harness/preview/media"));
  return (req, res, url) =>
    exportBridge(req, res, url) || mediaHandler(req, res, url);
}
