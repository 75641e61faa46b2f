// Checks test/fixtures/online-clinic/audit-chain-vectors.json (written by Ruby) with JavaScript's
// own JSON.stringify and node's SHA-256, written here independently of the frontend code, so that
// a character the two languages would write differently fails here rather than in a browser.
// Usage: node harness/ruby/cross-check-audit-chain-vectors.mjs
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

const vectorsUrl = new URL(
  "../../test/fixtures/online-clinic/audit-chain-vectors.json",
  import.meta.url
);
const vectors = JSON.parse(readFileSync(vectorsUrl, "utf8"));
const GENESIS = "0".repeat(64);

function sortKeys(value) {
  if (Array.isArray(value)) {
    return value.map(sortKeys);
  }
  if (value !== null && typeof value === "object") {
    const sorted = {};
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys(value[key]);
    }
    return sorted;
  }
  return value;
}

const canonicalJson = (value) => JSON.stringify(sortKeys(value));
const sha256 = (text) =>
  createHash("sha256").update(text, "utf8").digest("hex");

function verify(entries) {
  let prevHash = GENESIS;
  for (const [index, entry] of entries.entries()) {
    const expectedSeq = index + 1;
    const brokenAt = Number.isInteger(entry.seq) ? entry.seq : expectedSeq;
    const { seq, action, actor_id, details, created_at } = entry;
    const hash = sha256(
      `${prevHash}\n${canonicalJson({ seq, action, actor_id, details, created_at })}`
    );
    if (
      seq !== expectedSeq ||
      entry.prev_hash !== prevHash ||
      hash !== entry.entry_hash
    ) {
      return { valid: false, broken_at_seq: brokenAt };
    }
    prevHash = entry.entry_hash;
  }
  return { valid: true, broken_at_seq: null };
}

const failures = [];

vectors.canonical.forEach(({ input, output }, index) => {
  const actual = canonicalJson(input);
  if (actual !== output) {
    failures.push(
      `canonical #${index}: JS ${JSON.stringify(actual)} != Ruby ${JSON.stringify(output)}`
    );
  }
});

for (const { name, entries, valid, broken_at_seq } of vectors.chains) {
  const actual = verify(entries);
  if (actual.valid !== valid || actual.broken_at_seq !== broken_at_seq) {
    failures.push(
      `chain "${name}": JS ${JSON.stringify(actual)} != expected ${JSON.stringify({ valid, broken_at_seq })}`
    );
  }
}

if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log(
  `audit-chain vectors agree with JavaScript: ${vectors.canonical.length} canonical, ` +
    `${vectors.chains.length} chains`
);
