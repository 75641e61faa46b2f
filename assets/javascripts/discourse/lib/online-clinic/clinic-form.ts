// Turns what a therapist typed into the new-clinic form into the POST body of
// `/online-clinic/clinics.json`. The server stays the judge of validity; this only tidies.
import type { ClinicKind, NewClinicBody, NewMemberBody } from "./clinic-types";

// FormKit sets an emptied text input to null, hence the nulls.
export interface NewClinicFormData {
  name: string | null;
  kind: ClinicKind;
  usernames: string | null;
  emails: string | null;
}

export const NAME_MAX_LENGTH = 50;

// Commas, semicolons or any whitespace separate entries; a leading "@" is what people type
// when they think of a mention.
export function splitList(
  text: string | undefined | null,
  normalize: (item: string) => string = (item) => item
): string[] {
  if (!text) {
    return [];
  }
  const seen = new Set<string>();
  const items: string[] = [];
  for (const raw of text.split(/[\s,;]+/)) {
    const item = normalize(raw.trim());
    if (item === "") {
      continue;
    }
    const key = item.toLowerCase();
    if (!seen.has(key)) {
      seen.add(key);
      items.push(item);
    }
  }
  return items;
}

export function splitUsernames(text: string | undefined | null): string[] {
  return splitList(text, (name) => name.replace(/^@+/, ""));
}

// One id per opened form: the server answers the same clinic for the same id, so a double
// click or a retry after a dropped connection never opens two clinics.
export function newRequestId(): string {
  if (
    typeof crypto !== "undefined" &&
    typeof crypto.randomUUID === "function"
  ) {
    return crypto.randomUUID();
  }
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

export function emptyNewClinicForm(
  prefill: Partial<NewClinicFormData> = {}
): NewClinicFormData {
  return {
    name: prefill.name ?? "",
    kind: prefill.kind ?? "individual",
    usernames: prefill.usernames ?? "",
    emails: prefill.emails ?? "",
  };
}

export function buildNewClinicBody(
  data: NewClinicFormData,
  requestId: string,
  sourceTopicId?: number | null
): NewClinicBody {
  const body: NewClinicBody = {
    name: (data.name ?? "").trim(),
    kind: data.kind,
    usernames: splitUsernames(data.usernames),
    emails: splitList(data.emails),
    request_id: requestId,
  };
  if (typeof sourceTopicId === "number") {
    body.source_topic_id = sourceTopicId;
  }
  return body;
}

// The "add a client" box takes a username or an email address; an "@" inside the text
// (not only in front, as in a mention) makes it an email.
export function newMemberBody(text: string): NewMemberBody | null {
  const value = text.trim();
  if (value === "") {
    return null;
  }
  if (/^[^@\s]+@[^@\s]+$/.test(value)) {
    return { email: value };
  }
  const username = value.replace(/^@+/, "");
  return username === "" ? null : { username };
}
