// Every user-visible string exists in English and Hebrew: the same keys in client.en.yml and
// client.he.yml (and in server.en.yml and server.he.yml), with the same %{placeholders}.
// Last line: "locales: N passed, N failed".
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

function leaves(node, path = [], out = new Map()) {
  if (node !== null && typeof node === "object" && !Array.isArray(node)) {
    for (const [key, value] of Object.entries(node)) {
      leaves(value, [...path, key], out);
    }
  } else {
    out.set(
      path.join("."),
      Array.isArray(node) ? node.join("\n") : String(node ?? "")
    );
  }
  return out;
}

const placeholders = (text) =>
  [...text.matchAll(/%\{(\w+)\}/g)].map((m) => m[1]).sort();

let passed = 0;
let failed = 0;
for (const kind of ["client", "server"]) {
  const read = (locale) =>
    leaves(
      parse(
        readFileSync(join(root, `config/locales/${kind}.${locale}.yml`), "utf8")
      )[locale]
    );
  const en = read("en");
  const he = read("he");
  const problems = [];
  for (const [key, text] of en) {
    if (!he.has(key)) {
      problems.push(`${kind}.he.yml lacks ${key}`);
    } else if (placeholders(text).join() !== placeholders(he.get(key)).join()) {
      problems.push(`${kind}: ${key} has other placeholders in Hebrew`);
    } else if (text.trim() !== "" && he.get(key).trim() === "") {
      problems.push(`${kind}: ${key} is empty in Hebrew`);
    }
  }
  for (const key of he.keys()) {
    if (!en.has(key)) {
      problems.push(`${kind}.en.yml lacks ${key}`);
    }
  }
  if (problems.length > 0) {
    failed += 1;
    console.log(`✗ ${kind} locales:\n  ${problems.join("\n  ")}`);
  } else {
    passed += 1;
    console.log(`✓ ${kind} locales: ${en.size} strings in English and Hebrew`);
  }
}
// Every literal key the frontend names ("online_clinic.…") exists under `js.` in English.
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory()
      ? sourceFiles(path)
      : /\.(ts|gts)$/.test(entry.name)
        ? [path]
        : [];
  });
}
const clientEnglish = leaves(
  parse(readFileSync(join(root, "config/locales/client.en.yml"), "utf8")).en
);
const missing = new Set();
for (const file of sourceFiles(join(root, "assets/javascripts"))) {
  for (const match of readFileSync(file, "utf8").matchAll(
    /"(online_clinic\.[a-z0-9_.]+[a-z0-9_])"/g
  )) {
    const key = `js.${match[1]}`;
    const isParent = [...clientEnglish.keys()].some((k) =>
      k.startsWith(`${key}.`)
    );
    if (!clientEnglish.has(key) && !isParent) {
      missing.add(`${match[1]} (${file.slice(root.length + 1)})`);
    }
  }
}
if (missing.size > 0) {
  failed += 1;
  console.log(
    `✗ keys used in assets/javascripts but missing from client.en.yml:\n  ${[...missing].join("\n  ")}`
  );
} else {
  passed += 1;
  console.log(
    "✓ every literal key used in assets/javascripts exists in client.en.yml"
  );
}

console.log(`locales: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
