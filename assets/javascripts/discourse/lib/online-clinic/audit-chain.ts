// The clinic's audit log is hash-chained (docs/contract.md, "Hash chain"). The member's own
// browser re-checks the chain, so nobody has to take the server's word that nothing changed.

export type JsonValue =
  | string
  | number
  | boolean
  | null
  | JsonValue[]
  | { [key: string]: JsonValue };

// An entry as the audit-log endpoint sends it (`actor`), or as the shared test vectors
// store it (`actor_id`).
export interface ChainEntry {
  seq: number;
  action: string;
  actor?: { id: number } | null;
  actor_id?: number | null;
  details: { [key: string]: JsonValue };
  created_at: string;
  prev_hash: string;
  entry_hash: string;
}

export interface ChainVerdict {
  valid: boolean;
  brokenAtSeq: number | null;
}

export const GENESIS_HASH = "0".repeat(64);

// Keys sorted recursively, no whitespace, UTF-8 left unescaped: JSON.stringify of the
// key-sorted value.
export function canonicalJson(value: JsonValue): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(",")}]`;
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value).sort(compareCodeUnits);
    const members = keys.map(
      (key) =>
        `${JSON.stringify(key)}:${canonicalJson(value[key] as JsonValue)}`
    );
    return `{${members.join(",")}}`;
  }
  return JSON.stringify(value);
}

// JavaScript's default string order (UTF-16 code units), which the Ruby side reproduces
// (lib/online_clinic/audit_chain.rb): "😀" (D83D DE00) sorts before "！" (FF01).
function compareCodeUnits(a: string, b: string): number {
  if (a < b) {
    return -1;
  }
  return a > b ? 1 : 0;
}

function actorId(entry: ChainEntry): number | null {
  if (entry.actor_id !== undefined) {
    return entry.actor_id;
  }
  return entry.actor ? entry.actor.id : null;
}

export function hashPayload(entry: ChainEntry): JsonValue {
  return {
    seq: entry.seq,
    action: entry.action,
    actor_id: actorId(entry),
    details: entry.details,
    created_at: entry.created_at,
  };
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest(
    "SHA-256",
    new TextEncoder().encode(text)
  );
  return Array.from(new Uint8Array(digest), (byte) =>
    byte.toString(16).padStart(2, "0")
  ).join("");
}

export function computeEntryHash(
  prevHash: string,
  entry: ChainEntry
): Promise<string> {
  return sha256Hex(`${prevHash}\n${canonicalJson(hashPayload(entry))}`);
}

// Walks the entries in the order the server sent them (never re-sorted: a swapped pair must
// show); the first entry whose link or own hash does not match is where the record was
// altered, or where an entry was removed or inserted.
export async function verifyChain(
  entries: readonly ChainEntry[]
): Promise<ChainVerdict> {
  let expectedPrev = GENESIS_HASH;
  for (const entry of entries) {
    if (entry.prev_hash !== expectedPrev) {
      return { valid: false, brokenAtSeq: entry.seq };
    }
    const recomputed = await computeEntryHash(entry.prev_hash, entry);
    if (recomputed !== entry.entry_hash) {
      return { valid: false, brokenAtSeq: entry.seq };
    }
    expectedPrev = entry.entry_hash;
  }
  return { valid: true, brokenAtSeq: null };
}
