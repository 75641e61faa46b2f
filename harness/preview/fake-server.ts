// The preview's stand-in for the plugin's Ruby endpoints (docs/contract.md), answering through
// Pretender as the tests' fakes do. State lives in localStorage so two windows (therapist and
// client) share one practice; every change is announced on the MessageBus stand-in.
import serverLocales from "virtual:online-clinic-server-locales";
import type { JsonValue } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/audit-chain";
import {
  computeEntryHash,
  GENESIS_HASH,
  verifyChain,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/audit-chain";
import type {
  AuditEntry,
  Clinic,
  ClinicPermissions,
  ClinicSummary,
  CurrentUserClinic,
  Member,
  UserSummary,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";
import pretender, {
  parsePostData,
} from "../doubles/discourse/tests/helpers/create-pretender";
import type { DemoClinic, DemoUser } from "./demo-data";
import { DEMO_USERS, demoClinics } from "./demo-data";
import type { StoredFolder, StoredFolderItem } from "./fake-folders";
import type { StoredSchedule, StoredSession } from "./fake-sessions";

const STORAGE_KEY = "online-clinic-preview-v1";
const NAME_MAX_LENGTH = 50;

interface StoredAuditEntry {
  seq: number;
  action: AuditEntry["action"];
  actor_id: number | null;
  details: { [key: string]: JsonValue };
  created_at: string;
  prev_hash: string;
  entry_hash: string;
}

export interface PracticeState {
  clinics: DemoClinic[];
  audit: Record<number, StoredAuditEntry[]>;
  // Added by the sessions stand-in (fake-sessions.ts).
  sessions?: StoredSession[];
  schedules?: StoredSchedule[];
  boundaries?: Record<number, string>;
  // Added by the folders stand-in (fake-folders.ts).
  folders?: StoredFolder[];
  folderItems?: StoredFolderItem[];
}

export type Reply = [number, Record<string, string>, string];

export interface FakeServerOptions {
  currentUser: () => DemoUser;
  locale: () => string;
  publish: (channel: string, data: unknown, committed: string) => void;
}

export function json(status: number, body: unknown): Reply {
  return [status, { "Content-Type": "application/json" }, JSON.stringify(body)];
}

// The plugin sends JSON bodies; a form-encoded body is read as Discourse's ajax would send it.
export function bodyOf(
  raw: string | null | undefined
): Record<string, unknown> {
  if (!raw) {
    return {};
  }
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return parsePostData(raw) as Record<string, unknown>;
  }
}

// Route params keep the ".json" suffix ("101.json"): Pretender's recognizer splits on "/".
export function idOf(param: unknown): number {
  return parseInt(String(param), 10);
}

function load(): PracticeState | null {
  const raw = localStorage.getItem(STORAGE_KEY);
  return raw ? (JSON.parse(raw) as PracticeState) : null;
}

function save(state: PracticeState): void {
  localStorage.setItem(STORAGE_KEY, JSON.stringify(state));
}

export function summary(user: DemoUser): UserSummary {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    avatar_template: `/letter_avatar_proxy/v4/letter/${user.username[0]}/8c91f0/{size}.png`,
  };
}

export function userById(id: number): DemoUser {
  const user = DEMO_USERS.find((u) => u.id === id);
  if (!user) {
    throw new Error(`no demo user ${id}`);
  }
  return user;
}

export class FakeClinicServer {
  // The same Pretender the tests' fakes use: one interceptor of XMLHttpRequest per page.
  readonly pretender = pretender;
  state: PracticeState = { clinics: [], audit: {} };

  constructor(private readonly options: FakeServerOptions) {
    this.pretender.unhandledRequest = (verb, path) => {
      console.error(`preview server: no route for ${verb} ${path}`);
    };
    this.routes();
  }

  async start(): Promise<void> {
    const stored = load();
    if (stored) {
      this.state = stored;
      return;
    }
    await this.reset();
  }

  async reset(): Promise<void> {
    this.state = { clinics: demoClinics(new Date()), audit: {} };
    for (const clinic of this.state.clinics) {
      this.state.audit[clinic.id] = [];
      // The demo's history starts when its clinic was opened, before its folder items.
      const openedAt = new Date(clinic.created_at);
      await this.log(
        clinic,
        "clinic_opened",
        1,
        { name: clinic.name, kind: clinic.kind },
        openedAt
      );
      for (const member of clinic.members.filter((m) => m.role === "client")) {
        await this.log(
          clinic,
          "client_added",
          1,
          { username: userById(member.user_id).username },
          new Date(openedAt.getTime() + 60_000)
        );
      }
      if (clinic.status === "archived") {
        await this.log(clinic, "clinic_archived", 1, {});
      }
    }
    save(this.state);
  }

  // Re-read what another window may have written.
  refresh(): void {
    this.state = load() ?? this.state;
  }

  // Commits the practice without announcing a change (e.g. defaults made on first read).
  persist(): void {
    save(this.state);
  }

  // Take the practice another window committed before it announced a change.
  adopt(committed: string): void {
    localStorage.setItem(STORAGE_KEY, committed);
    this.state = JSON.parse(committed) as PracticeState;
  }

  text(key: string, params: Record<string, string> = {}): string {
    const tree = serverLocales[this.options.locale()] ?? serverLocales.en;
    const found = key
      .split(".")
      .reduce<unknown>(
        (node, part) => (node as Record<string, unknown>)?.[part],
        tree
      );
    const message = typeof found === "string" ? found : key;
    return message.replace(
      /%\{(\w+)\}/g,
      (_, name: string) => params[name] ?? ""
    );
  }

  error(
    status: number,
    key: string,
    params: Record<string, string> = {}
  ): Reply {
    return json(status, {
      errors: [this.text(`online_clinic.errors.${key}`, params)],
    });
  }

  notFound(): Reply {
    return json(404, {
      errors: ["The requested URL or resource could not be found."],
    });
  }

  roleOf(clinic: DemoClinic, userId: number): "therapist" | "client" | null {
    return clinic.members.find((m) => m.user_id === userId)?.role ?? null;
  }

  // The same rules as lib/online_clinic/clinic_policy.rb, for the demo's two personas.
  private permissions(clinic: DemoClinic, userId: number): ClinicPermissions {
    const role = this.roleOf(clinic, userId);
    const open = clinic.status === "open";
    const therapist = role === "therapist";
    return {
      can_rename: open && role !== null,
      can_add_client: open && therapist,
      can_remove_client: open && therapist,
      can_archive: open && therapist,
      can_reopen: !open && therapist,
      can_post: open && role !== null,
      can_read_audit_log: role !== null,
    };
  }

  private clinicSummary(clinic: DemoClinic): ClinicSummary {
    const withRole = (role: string) =>
      clinic.members
        .filter((m) => m.role === role)
        .map((m) => summary(userById(m.user_id)));
    return {
      id: clinic.id,
      name: clinic.name,
      kind: clinic.kind,
      status: clinic.status,
      category_id: clinic.category_id,
      url: `/c/${clinic.slug}/${clinic.category_id}`,
      clients: withRole("client"),
      therapists: withRole("therapist"),
      last_activity_at: clinic.last_activity_at,
      unread_count: clinic.id === 1 ? 2 : 0,
      next_session_at: null,
    };
  }

  private clinicJson(clinic: DemoClinic, userId: number): { clinic: Clinic } {
    const members: Member[] = clinic.members.map((m) => ({
      ...summary(userById(m.user_id)),
      role: m.role,
    }));
    return {
      clinic: {
        ...this.clinicSummary(clinic),
        members,
        pending_invites: clinic.pending_invites,
        chat_channel_url: `/chat/c/${clinic.slug}/${clinic.id}`,
        welcome_topic_url: `/t/welcome/${clinic.id * 1000}`,
        created_at: clinic.created_at,
        archived_at: clinic.archived_at,
        permissions: this.permissions(clinic, userId),
      },
    };
  }

  async log(
    clinic: DemoClinic,
    action: AuditEntry["action"],
    actorId: number | null,
    details: { [key: string]: JsonValue },
    at: Date = new Date()
  ): Promise<void> {
    const entries = (this.state.audit[clinic.id] ??= []);
    const previous = entries[entries.length - 1];
    const entry: StoredAuditEntry = {
      seq: (previous?.seq ?? 0) + 1,
      action,
      actor_id: actorId,
      details,
      created_at: at.toISOString(),
      prev_hash: previous?.entry_hash ?? GENESIS_HASH,
      entry_hash: "",
    };
    entry.entry_hash = await computeEntryHash(
      entry.prev_hash,
      this.chainEntry(entry)
    );
    entries.push(entry);
  }

  private chainEntry(entry: StoredAuditEntry) {
    return {
      ...entry,
      actor: entry.actor_id === null ? null : summary(userById(entry.actor_id)),
    };
  }

  // Commits the practice, then tells the clinic's members (as the Ruby services do).
  changed(
    clinic: DemoClinic,
    message: Record<string, unknown> = { type: "clinic_changed" }
  ): void {
    clinic.last_activity_at = new Date().toISOString();
    save(this.state);
    this.options.publish(
      `/online-clinic/clinic/${clinic.id}`,
      { ...message, clinic_id: clinic.id },
      JSON.stringify(this.state)
    );
  }

  // A clinic the current user may act on, or the reply that refuses it (404 for non-members).
  member(id: unknown): { clinic: DemoClinic; userId: number } | Reply {
    this.refresh();
    const userId = this.options.currentUser().id;
    const clinic = this.state.clinics.find((c) => c.id === idOf(id));
    if (!clinic || this.roleOf(clinic, userId) === null) {
      return this.notFound();
    }
    return { clinic, userId };
  }

  private nameErrors(name: string): Reply | null {
    const normalized = name.trim().replace(/\s+/g, " ");
    if (normalized === "") {
      return this.error(422, "name_blank");
    }
    if ([...normalized].length > NAME_MAX_LENGTH) {
      return this.error(422, "name_too_long");
    }
    if (/<[^>]*>|&[#\w]+;/.test(normalized)) {
      return this.error(422, "name_contains_html");
    }
    return null;
  }

  private routes(): void {
    const server = this.pretender;

    server.get("/online-clinic/clinics.json", () => {
      this.refresh();
      const user = this.options.currentUser();
      const clinics = this.state.clinics
        .filter((c) => this.roleOf(c, user.id) !== null)
        .map((c) => this.clinicSummary(c));
      return json(200, { clinics, can_create: user.therapist });
    });

    server.post("/online-clinic/clinics.json", async (request) => {
      this.refresh();
      const user = this.options.currentUser();
      if (!user.therapist) {
        return this.error(403, "not_a_therapist");
      }
      const body = bodyOf(request.requestBody);
      const name = String(body.name ?? "");
      const existing = this.state.clinics.find(
        (c) => c.request_id === body.request_id
      );
      if (existing) {
        return json(200, this.clinicJson(existing, user.id));
      }
      const invalidName = this.nameErrors(name);
      if (invalidName) {
        return invalidName;
      }
      const usernames = ([] as string[]).concat(
        (body.usernames as string[]) ?? []
      );
      const emails = ([] as string[]).concat((body.emails as string[]) ?? []);
      const clients: DemoUser[] = [];
      for (const username of usernames) {
        const found = DEMO_USERS.find(
          (u) => u.username === username.replace(/^@/, "")
        );
        if (!found) {
          return this.error(422, "unknown_user", { username });
        }
        clients.push(found);
      }
      if (clients.length === 0 && emails.length === 0) {
        return this.error(422, "no_clients");
      }
      const id = Math.max(0, ...this.state.clinics.map((c) => c.id)) + 1;
      const clinic: DemoClinic = {
        id,
        category_id: 100 + id,
        slug: `c-${Math.random().toString(36).slice(2, 10)}`,
        name: name.trim().replace(/\s+/g, " "),
        kind: (body.kind as DemoClinic["kind"]) ?? "individual",
        status: "open",
        members: [
          { user_id: user.id, role: "therapist" },
          ...clients.map((c) => ({ user_id: c.id, role: "client" as const })),
        ],
        pending_invites: emails.map((email) => ({
          email,
          invited_at: new Date().toISOString(),
        })),
        created_at: new Date().toISOString(),
        archived_at: null,
        last_activity_at: new Date().toISOString(),
        request_id: String(body.request_id ?? ""),
      };
      this.state.clinics.push(clinic);
      await this.log(clinic, "clinic_opened", user.id, {
        name: clinic.name,
        kind: clinic.kind,
      });
      for (const client of clients) {
        await this.log(clinic, "client_added", user.id, {
          username: client.username,
        });
      }
      for (const email of emails) {
        await this.log(clinic, "client_invited", user.id, { email });
      }
      this.changed(clinic);
      return json(200, this.clinicJson(clinic, user.id));
    });

    server.get("/online-clinic/clinics/by-category/:categoryId", (request) => {
      this.refresh();
      const clinic = this.state.clinics.find(
        (c) => c.category_id === idOf(request.params.categoryId)
      );
      const found = this.member(String(clinic?.id ?? 0));
      return Array.isArray(found)
        ? found
        : json(200, this.clinicJson(found.clinic, found.userId));
    });

    server.get("/online-clinic/clinics/:id", (request) => {
      const found = this.member(request.params.id);
      return Array.isArray(found)
        ? found
        : json(200, this.clinicJson(found.clinic, found.userId));
    });

    server.put("/online-clinic/clinics/:id", async (request) => {
      const found = this.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const { clinic, userId } = found;
      if (!this.permissions(clinic, userId).can_rename) {
        return this.error(
          422,
          clinic.status === "archived" ? "archived" : "not_permitted"
        );
      }
      const name = String(bodyOf(request.requestBody).name ?? "");
      const invalidName = this.nameErrors(name);
      if (invalidName) {
        return invalidName;
      }
      const from = clinic.name;
      clinic.name = name.trim().replace(/\s+/g, " ");
      await this.log(clinic, "clinic_renamed", userId, {
        from,
        to: clinic.name,
      });
      this.changed(clinic);
      return json(200, this.clinicJson(clinic, userId));
    });

    server.post("/online-clinic/clinics/:id/members.json", async (request) => {
      const found = this.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const { clinic, userId } = found;
      if (!this.permissions(clinic, userId).can_add_client) {
        return this.error(
          422,
          clinic.status === "archived" ? "archived" : "not_permitted"
        );
      }
      const body = bodyOf(request.requestBody) as Record<string, string>;
      if (body.email) {
        clinic.pending_invites.push({
          email: body.email,
          invited_at: new Date().toISOString(),
        });
        await this.log(clinic, "client_invited", userId, { email: body.email });
      } else {
        const username = String(body.username ?? "").replace(/^@/, "");
        const user = DEMO_USERS.find((u) => u.username === username);
        if (!user) {
          return this.error(422, "unknown_user", { username });
        }
        if (this.roleOf(clinic, user.id)) {
          return this.error(422, "already_member");
        }
        clinic.members.push({ user_id: user.id, role: "client" });
        await this.log(clinic, "client_added", userId, {
          username: user.username,
        });
      }
      this.changed(clinic);
      return json(200, this.clinicJson(clinic, userId));
    });

    server.delete(
      "/online-clinic/clinics/:id/members/:userId",
      async (request) => {
        const found = this.member(request.params.id);
        if (Array.isArray(found)) {
          return found;
        }
        const { clinic, userId } = found;
        if (!this.permissions(clinic, userId).can_remove_client) {
          return this.error(
            422,
            clinic.status === "archived" ? "archived" : "not_permitted"
          );
        }
        const removed = idOf(request.params.userId);
        if (this.roleOf(clinic, removed) !== "client") {
          return this.error(422, "not_a_client");
        }
        if (clinic.members.filter((m) => m.role === "client").length === 1) {
          return this.error(422, "last_client");
        }
        clinic.members = clinic.members.filter((m) => m.user_id !== removed);
        await this.log(clinic, "client_removed", userId, {
          username: userById(removed).username,
        });
        this.changed(clinic);
        return json(200, this.clinicJson(clinic, userId));
      }
    );

    for (const [path, status, action, permission] of [
      ["archive", "archived", "clinic_archived", "can_archive"],
      ["reopen", "open", "clinic_reopened", "can_reopen"],
    ] as const) {
      server.put(`/online-clinic/clinics/:id/${path}.json`, async (request) => {
        const found = this.member(request.params.id);
        if (Array.isArray(found)) {
          return found;
        }
        const { clinic, userId } = found;
        if (!this.permissions(clinic, userId)[permission]) {
          return this.error(
            422,
            clinic.status === "archived" ? "archived" : "not_permitted"
          );
        }
        clinic.status = status;
        clinic.archived_at =
          status === "archived" ? new Date().toISOString() : null;
        await this.log(clinic, action, userId, {});
        this.changed(clinic);
        return json(200, this.clinicJson(clinic, userId));
      });
    }

    server.get("/online-clinic/clinics/:id/audit-log.json", async (request) => {
      const found = this.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const entries = (this.state.audit[found.clinic.id] ?? []).map((e) =>
        this.chainEntry(e)
      );
      const verdict = await verifyChain(entries);
      return json(200, {
        entries,
        verification: {
          valid: verdict.valid,
          broken_at_seq: verdict.brokenAtSeq,
        },
      });
    });
  }

  // `current_user.online_clinics`, as the Ruby serializer sends it.
  currentUserClinics(): CurrentUserClinic[] {
    this.refresh();
    const userId = this.options.currentUser().id;
    return this.state.clinics.flatMap((clinic) => {
      const role = this.roleOf(clinic, userId);
      return role
        ? [
            {
              id: clinic.id,
              name: clinic.name,
              url: this.clinicSummary(clinic).url,
              role,
            },
          ]
        : [];
    });
  }

  // For the preview's "tamper" button: change a stored entry behind the chain's back.
  tamperWithAuditLog(clinicId: number): void {
    this.refresh();
    const entry = this.state.audit[clinicId]?.[0];
    if (entry) {
      entry.details = {
        ...entry.details,
        name: `${String(entry.details.name ?? "")} (altered)`,
      };
      save(this.state);
    }
  }
}
