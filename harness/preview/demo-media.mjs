// Files behind the preview's demo uploads (`/uploads/preview/<name>`), made here so that the
// repository holds no binary media: a long text to read together, a one-page PDF, a two-minute
// WAV of a slow tone (a `<video>` element plays it like any uploaded video) and a web page.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

const SAMPLE_RATE = 8000;
const SECONDS = 120;

export function toneWav() {
  const samples = SAMPLE_RATE * SECONDS;
  const wav = Buffer.alloc(44 + samples);
  wav.write("RIFF", 0);
  wav.writeUInt32LE(36 + samples, 4);
  wav.write("WAVEfmt ", 8);
  wav.writeUInt32LE(16, 16);
  wav.writeUInt16LE(1, 20); // PCM
  wav.writeUInt16LE(1, 22); // mono
  wav.writeUInt32LE(SAMPLE_RATE, 24);
  wav.writeUInt32LE(SAMPLE_RATE, 28);
  wav.writeUInt16LE(1, 32);
  wav.writeUInt16LE(8, 34);
  wav.write("data", 36);
  wav.writeUInt32LE(samples, 40);
  for (let i = 0; i < samples; i++) {
    const swell = 0.5 - 0.5 * Math.cos((2 * Math.PI * i) / (SAMPLE_RATE * 8));
    wav[44 + i] = Math.round(
      128 + 20 * swell * Math.sin((2 * Math.PI * 220 * i) / SAMPLE_RATE)
    );
  }
  return wav;
}

export function onePagePdf(lines) {
  const text = lines
    .map((line, i) => `BT /F1 14 Tf 72 ${720 - i * 22} Td (${line}) Tj ET`)
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${Buffer.byteLength(text)} >>\nstream\n${text}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets = objects.map((body, i) => {
    const offset = Buffer.byteLength(pdf);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return offset;
  });
  const xref = Buffer.byteLength(pdf);
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets
    .map((o) => `${String(o).padStart(10, "0")} 00000 n \n`)
    .join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

const TYPES = {
  ".txt": "text/plain; charset=utf-8",
  ".html": "text/html; charset=utf-8",
  ".pdf": "application/pdf",
  ".wav": "audio/wav",
};

// Answers /uploads/preview/<name>: generated files first, then harness/preview/media/<name>.
export function demoMediaHandler(mediaDir) {
  const generated = {
    "waves.wav": () => toneWav(),
    "referral.pdf": () =>
      onePagePdf(["Referral letter", "", "Dear colleague,", "(demo document)"]),
  };
  return (req, res, url) => {
    const match = /^\/uploads\/preview\/([A-Za-z0-9._-]+)$/.exec(url.pathname);
    if (!match) {
      return false;
    }
    const name = match[1];
    const type =
      TYPES[name.slice(name.lastIndexOf("."))] ?? "application/octet-stream";
    let body = generated[name]?.();
    if (!body && existsSync(join(mediaDir, name))) {
      body = readFileSync(join(mediaDir, name));
    }
    if (!body) {
      res.writeHead(404).end();
      return true;
    }
    const headers = {
      "Content-Type": type,
      "Accept-Ranges": "bytes",
      "Cache-Control": "no-store",
    };
    // Media elements seek with Range requests; answer them so the demo video can be sought.
    const range = /^bytes=(\d+)-(\d*)$/.exec(req.headers.range ?? "");
    if (range) {
      const start = Number(range[1]);
      const end = range[2]
        ? Math.min(Number(range[2]), body.length - 1)
        : body.length - 1;
      res.writeHead(206, {
        ...headers,
        "Content-Range": `bytes ${start}-${end}/${body.length}`,
        "Content-Length": end - start + 1,
      });
      res.end(body.subarray(start, end + 1));
      return true;
    }
    res.writeHead(200, { ...headers, "Content-Length": body.length });
    res.end(body);
    return true;
  };
}
