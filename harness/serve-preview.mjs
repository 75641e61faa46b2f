// Builds the preview with Vite (rebuilding when a file changes) and serves it on 127.0.0.1.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "vite";
import { previewRequestHandler } from "./preview/preview-server-routes.mjs";
import { serveStatic } from "./static-server.mjs";

const harnessDir = dirname(fileURLToPath(import.meta.url));
const port = Number(process.env.PORT ?? 4200);
const host = process.env.HOST ?? "127.0.0.1";
await build({
  configFile: join(harnessDir, "vite.config.mjs"),
  mode: "preview",
  build: { watch: process.env.PREVIEW_NO_WATCH ? null : {} },
});
await serveStatic(join(harnessDir, "dist/preview"), {
  port,
  host,
  index: "preview/index.html",
  handle: previewRequestHandler(),
});
console.log(
  `Clinic preview: http://${host}:${port}/  (therapist; add ?as=jenny for a client)`
);
