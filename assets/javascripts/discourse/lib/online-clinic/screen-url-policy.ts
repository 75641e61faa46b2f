// The client's early check of an address for the shared screen. The server runs the same rule
// (lib/online_clinic/screen_url_policy.rb) and its answer is the one that counts; both sides
// are held to test/fixtures/online-clinic/url-policy-vectors.json. docs/screen.md explains
// each decision.

export const MAX_SCREEN_URL_LENGTH = 2048;

export type ScreenUrlRejection =
  | "malformed"
  | "too_long"
  | "scheme_not_allowed"
  | "credentials_in_url"
  | "no_host"
  | "non_ascii_host"
  | "ipv6_host"
  | "private_host";

export type ScreenUrlVerdict =
  | { accepted: true; url: string }
  | { accepted: false; reason: ScreenUrlRejection };

const EDGE_WHITESPACE = /^[ \t\n\r\f]+|[ \t\n\r\f]+$/g;
// Control characters anywhere, and lone UTF-16 surrogates (they have no UTF-8 form).
const FORBIDDEN_CHARACTER =
  /[\u0000-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const SCHEME = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const HOST_LABEL = /^[a-z0-9_-]{1,63}$/;
const NUMERIC_LABEL = /^(?:[0-9]+|0x[0-9a-f]*)$/;
const DOTTED_QUAD =
  /^(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})\.(0|[1-9][0-9]{0,2})$/;
const PORT = /^[0-9]{1,5}$/;
const PRIVATE_SUFFIXES = ["localhost", "local", "internal", "lan", "home.arpa"];
const DEFAULT_PORTS: Record<string, number> = { http: 80, https: 443 };
const PERCENT_ESCAPE = /^%[0-9A-Fa-f]{2}/;
const DOT_SEGMENT = /^(?:\.|%2e){1,2}$/i;

type Part = "path" | "query" | "fragment";

function reject(reason: ScreenUrlRejection): ScreenUrlVerdict {
  return { accepted: false, reason };
}

function codePointLength(text: string): number {
  let count = 0;
  for (const _ of text) {
    count++;
  }
  return count;
}

// Characters a browser's URL parser leaves exactly as they are, so that what the server
// approved is byte for byte what the iframe loads.
function isKeptAsIs(character: string, part: Part): boolean {
  if (/^[A-Za-z0-9\-._~!$&()*+,;=:@/]$/.test(character)) {
    return true;
  }
  if (character === "?") {
    return part !== "path";
  }
  if (character === "'") {
    return part !== "query";
  }
  return false;
}

function percentEncode(character: string): string {
  return Array.from(
    new TextEncoder().encode(character),
    (byte) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`
  ).join("");
}

// Returns null when a "%" does not start a valid escape.
function encodePart(text: string, part: Part): string | null {
  let out = "";
  let index = 0;
  while (index < text.length) {
    const character = String.fromCodePoint(text.codePointAt(index) as number);
    if (character === "%") {
      const escape = PERCENT_ESCAPE.exec(text.slice(index));
      if (!escape) {
        return null;
      }
      out += escape[0];
      index += 3;
      continue;
    }
    out += isKeptAsIs(character, part) ? character : percentEncode(character);
    index += character.length;
  }
  return out;
}

function isPrivateIpv4(parts: number[]): boolean {
  const [a, b] = parts;
  return (
    a === 0 ||
    a === 10 ||
    a === 127 ||
    a >= 224 ||
    (a === 100 && b >= 64 && b <= 127) ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168)
  );
}

function hostVerdict(host: string): ScreenUrlRejection | null {
  if (host.startsWith("[")) {
    return "ipv6_host";
  }
  if (/[^\u0000-\u007f]/.test(host)) {
    return "non_ascii_host";
  }
  const labels = host.split(".");
  if (host.length > 253 || !labels.every((label) => HOST_LABEL.test(label))) {
    return "malformed";
  }
  // A browser reads a host whose last label is a number as an IPv4 address, in forms such as
  // 0x7f.1 or 2130706433: only the plain dotted form is allowed, so both sides see one address.
  if (NUMERIC_LABEL.test(labels[labels.length - 1])) {
    const quad = DOTTED_QUAD.exec(host);
    const parts = quad ? quad.slice(1).map(Number) : [];
    if (!quad || parts.some((part) => part > 255)) {
      return "malformed";
    }
    return isPrivateIpv4(parts) ? "private_host" : null;
  }
  if (
    labels.length < 2 ||
    PRIVATE_SUFFIXES.some(
      (suffix) => host === suffix || host.endsWith(`.${suffix}`)
    )
  ) {
    return "private_host";
  }
  return null;
}

function normalize(trimmed: string): ScreenUrlVerdict {
  const scheme = SCHEME.exec(trimmed);
  if (!scheme) {
    return reject("malformed");
  }
  const schemeName = scheme[1].toLowerCase();
  if (schemeName !== "http" && schemeName !== "https") {
    return reject("scheme_not_allowed");
  }
  // Browsers read "\" as "/" in web addresses; refusing it keeps one reading of the host.
  if (trimmed.includes("\\")) {
    return reject("malformed");
  }
  const rest = trimmed.slice(scheme[0].length);
  if (!rest.startsWith("//")) {
    return reject("malformed");
  }
  const afterSlashes = rest.slice(2);
  const authorityEnd = afterSlashes.search(/[/?#]/);
  const authority =
    authorityEnd === -1 ? afterSlashes : afterSlashes.slice(0, authorityEnd);
  const tail = authorityEnd === -1 ? "" : afterSlashes.slice(authorityEnd);
  if (authority.includes("@")) {
    return reject("credentials_in_url");
  }

  const portMatch = /:([^:\]]*)$/.exec(authority);
  const rawHost = (
    portMatch ? authority.slice(0, portMatch.index) : authority
  ).toLowerCase();
  if (rawHost === "") {
    return reject("no_host");
  }
  const hostProblem = hostVerdict(rawHost);
  if (hostProblem) {
    return reject(hostProblem);
  }
  let port = "";
  if (portMatch) {
    const value = PORT.test(portMatch[1]) ? Number(portMatch[1]) : 0;
    if (value < 1 || value > 65535) {
      return reject("malformed");
    }
    port = value === DEFAULT_PORTS[schemeName] ? "" : `:${value}`;
  }

  const fragmentStart = tail.indexOf("#");
  const beforeFragment =
    fragmentStart === -1 ? tail : tail.slice(0, fragmentStart);
  const rawFragment =
    fragmentStart === -1 ? null : tail.slice(fragmentStart + 1);
  const queryStart = beforeFragment.indexOf("?");
  const rawPath =
    queryStart === -1 ? beforeFragment : beforeFragment.slice(0, queryStart);
  const rawQuery =
    queryStart === -1 ? null : beforeFragment.slice(queryStart + 1);

  // Browsers resolve "." and ".." (also written %2e) themselves; such paths are refused.
  if (rawPath.split("/").some((segment) => DOT_SEGMENT.test(segment))) {
    return reject("malformed");
  }
  const path = encodePart(rawPath === "" ? "/" : rawPath, "path");
  const query = rawQuery === null ? "" : encodePart(rawQuery, "query");
  const fragment =
    rawFragment === null ? "" : encodePart(rawFragment, "fragment");
  if (path === null || query === null || fragment === null) {
    return reject("malformed");
  }

  const url =
    `${schemeName}://${rawHost}${port}${path}` +
    (rawQuery === null ? "" : `?${query}`) +
    (rawFragment === null ? "" : `#${fragment}`);
  if (url.length > MAX_SCREEN_URL_LENGTH) {
    return reject("too_long");
  }
  return { accepted: true, url };
}

// The browser's own parser must read our result unchanged; if it does not, the rule missed a
// case, and refusing is the safe answer.
function browserAgrees(url: string): boolean {
  try {
    return new URL(url).href === url;
  } catch {
    return false;
  }
}

export function checkScreenUrl(input: unknown): ScreenUrlVerdict {
  if (typeof input !== "string") {
    return reject("malformed");
  }
  const trimmed = input.replace(EDGE_WHITESPACE, "");
  if (trimmed === "") {
    return reject("malformed");
  }
  // Counted in code points, as Ruby counts, so both sides give the same reason.
  if (
    trimmed.length > 2 * MAX_SCREEN_URL_LENGTH ||
    codePointLength(trimmed) > MAX_SCREEN_URL_LENGTH
  ) {
    return reject("too_long");
  }
  if (FORBIDDEN_CHARACTER.test(trimmed)) {
    return reject("malformed");
  }
  const verdict = normalize(trimmed);
  if (verdict.accepted && !browserAgrees(verdict.url)) {
    return reject("malformed");
  }
  return verdict;
}
