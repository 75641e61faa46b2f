// A small static file server on loopback for the built test suite and preview.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".map": "application/json",
  ".json": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".txt": "text/plain; charset=utf-8",
  ".pdf": "application/pdf",
  ".wav": "audio/wav",
};

// `handle(req, res, url)` may answer a request itself (returning true) before files are looked up.
export function serveStatic(
  dir,
  { port = 0, host = "127.0.0.1", index, handle } = {}
) {
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://localhost");
    if (handle?.(req, res, url)) {
      return;
    }
    if (url.pathname === "/" && index) {
      res
        .writeHead(302, { Location: `/${index}${url.search}${url.hash}` })
        .end();
      return;
    }
    const file = join(dir, normalize(decodeURIComponent(url.pathname)));
    if (
      !file.startsWith(dir) ||
      !existsSync(file) ||
      statSync(file).isDirectory()
    ) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, {
      "Content-Type": TYPES[extname(file)] ?? "application/octet-stream",
      "Cache-Control": "no-store",
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(port, host, () => resolve(server))
  );
}
