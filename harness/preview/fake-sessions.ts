// The preview's stand-in for the sessions endpoints (docs/contract.md, "Sessions"): the same
// transitions as lib/online_clinic/session_state.rb, on the shared practice, so a session the
// therapist starts in one window runs on the client's timer in the other.
import type { SessionClockJson } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/session-clock";
import type {
  Appointment,
  Session,
  SessionMode,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/session-types";
import type { DemoClinic } from "./demo-data";
import { DEMO_TOPICS } from "./demo-data";
import type { FakeClinicServer, Reply } from "./fake-server";
import { bodyOf, idOf, json, summary, userById } from "./fake-server";

const MAX_MINUTES = 180;

export interface StoredSession {
  id: number;
  clinic_id: number;
  number: number;
  mode: SessionMode;
  clock: SessionClockJson;
  request_id: string;
  started_by_id: number;
  ended_by_id: number | null;
}

export interface StoredSchedule {
  id: number;
  clinic_id: number;
  starts_at: string[];
  length_minutes: number;
  recurrence: "none" | "weekly";
}

// Adds the sessions endpoints to the preview's stand-in server.
export function serveSessions(server: FakeClinicServer): void {
  new FakeSessions(server).routes();
}

class FakeSessions {
  constructor(private readonly server: FakeClinicServer) {}

  private get sessions(): StoredSession[] {
    return (this.server.state.sessions ??= []);
  }

  private get schedules(): StoredSchedule[] {
    return (this.server.state.schedules ??= []);
  }

  private current(clinicId: number): StoredSession | undefined {
    return this.sessions.find(
      (s) => s.clinic_id === clinicId && s.clock.state !== "ended"
    );
  }

  private sessionJson(
    session: StoredSession,
    userId: number,
    clinic: DemoClinic
  ): Session {
    const therapist = this.server.roleOf(clinic, userId) === "therapist";
    const state = session.clock.state;
    return {
      id: session.id,
      clinic_id: session.clinic_id,
      number: session.number,
      mode: session.mode,
      state,
      clock: session.clock,
      topic_id: null,
      topic_url: null,
      started_at:
        session.clock.started_at_ms === null
          ? null
          : new Date(session.clock.started_at_ms).toISOString(),
      ended_at:
        session.clock.ended_at_ms === null
          ? null
          : new Date(session.clock.ended_at_ms).toISOString(),
      ended_reason: state === "ended" ? "ended_by_therapist" : null,
      started_by: summary(userById(session.started_by_id)),
      ended_by:
        session.ended_by_id === null
          ? null
          : summary(userById(session.ended_by_id)),
      summary: null,
      permissions: {
        can_pause: therapist && state === "running",
        can_resume: therapist && state === "paused",
        can_extend: therapist && (state === "running" || state === "paused"),
        can_end: therapist && (state === "running" || state === "paused"),
      },
    };
  }

  private appointments(clinicId: number): Appointment[] {
    const now = Date.now();
    return this.schedules
      .filter((s) => s.clinic_id === clinicId)
      .flatMap((s) =>
        s.starts_at
          .filter((start) => Date.parse(start) > now)
          .map((start, index) => ({
            id: s.id * 100 + index,
            schedule_id: s.id,
            starts_at: start,
            ends_at: new Date(
              Date.parse(start) + s.length_minutes * 60000
            ).toISOString(),
            length_minutes: s.length_minutes,
            recurrence: s.recurrence,
            ics_url: `/online-clinic/appointments/${s.id * 100 + index}.ics`,
          }))
      )
      .sort((a, b) => a.starts_at.localeCompare(b.starts_at));
  }

  private answer(
    clinic: DemoClinic,
    userId: number,
    session: StoredSession
  ): Reply {
    return json(200, {
      session: this.sessionJson(session, userId, clinic),
      server_now_ms: Date.now(),
    });
  }

  // A session the current user may control: 404 for non-members, refused for clients.
  private controlled(
    id: unknown
  ): { session: StoredSession; clinic: DemoClinic; userId: number } | Reply {
    this.server.refresh();
    const clinicId =
      this.sessions.find((s) => s.id === idOf(id))?.clinic_id ?? 0;
    // member() re-reads the practice: look the session up again in what it read.
    const found = this.server.member(clinicId);
    const session = this.sessions.find((s) => s.id === idOf(id));
    if (!session || Array.isArray(found)) {
      return this.server.notFound();
    }
    if (this.server.roleOf(found.clinic, found.userId) !== "therapist") {
      return this.server.error(403, "not_permitted");
    }
    return { session, clinic: found.clinic, userId: found.userId };
  }

  private transition(
    path: string,
    change: (
      session: StoredSession,
      now: number,
      body: Record<string, unknown>
    ) => string | null
  ): void {
    this.server.pretender.put(
      `/online-clinic/sessions/:id/${path}`,
      (request) => {
        const found = this.controlled(request.params.id);
        if (Array.isArray(found)) {
          return found;
        }
        const refusal = change(
          found.session,
          Date.now(),
          bodyOf(request.requestBody)
        );
        if (refusal) {
          return this.server.error(422, refusal);
        }
        if (found.session.clock.state === "ended") {
          found.session.ended_by_id = found.userId;
        }
        this.server.changed(found.clinic, {
          type: "session_changed",
          session_id: found.session.id,
        });
        return this.answer(found.clinic, found.userId, found.session);
      }
    );
  }

  routes(): void {
    const server = this.server.pretender;

    server.get("/online-clinic/time.json", () =>
      json(200, { server_now_ms: Date.now() })
    );

    server.get("/online-clinic/clinics/:id/sessions.json", (request) => {
      const found = this.server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const { clinic, userId } = found;
      const therapist = this.server.roleOf(clinic, userId) === "therapist";
      const open = clinic.status === "open";
      const current = this.current(clinic.id);
      return json(200, {
        current: current ? this.sessionJson(current, userId, clinic) : null,
        recent: this.sessions
          .filter((s) => s.clinic_id === clinic.id && s.clock.state === "ended")
          .slice(-10)
          .reverse()
          .map((s) => this.sessionJson(s, userId, clinic)),
        upcoming: this.appointments(clinic.id),
        boundary_text: this.server.state.boundaries?.[clinic.id] ?? null,
        default_minutes: 50,
        time_zone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        permissions: {
          can_start: open && therapist && !current,
          can_request: open && !therapist,
          can_schedule: open && therapist,
          can_set_boundary: open && therapist,
        },
        topics:
          open && therapist && !current ? (DEMO_TOPICS[clinic.id] ?? []) : [],
        server_now_ms: Date.now(),
      });
    });

    server.post("/online-clinic/clinics/:id/sessions.json", (request) => {
      const found = this.server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const { clinic, userId } = found;
      if (this.server.roleOf(clinic, userId) !== "therapist") {
        return this.server.error(403, "not_permitted");
      }
      const body = bodyOf(request.requestBody);
      const again = this.sessions.find((s) => s.request_id === body.request_id);
      if (again) {
        return this.answer(clinic, userId, again);
      }
      if (this.current(clinic.id)) {
        return this.server.error(422, "already_running");
      }
      const minutes = Number(body.planned_minutes ?? 50);
      if (!Number.isInteger(minutes) || minutes < 10 || minutes > MAX_MINUTES) {
        return this.server.error(422, "invalid_length");
      }
      const session: StoredSession = {
        id: Math.max(0, ...this.sessions.map((s) => s.id)) + 1,
        clinic_id: clinic.id,
        number:
          this.sessions.filter((s) => s.clinic_id === clinic.id).length + 1,
        mode: (body.mode as SessionMode) ?? "written",
        clock: {
          state: "running",
          planned_seconds: minutes * 60,
          started_at_ms: Date.now(),
          paused_total_ms: 0,
          paused_since_ms: null,
          extensions_seconds: 0,
          ended_at_ms: null,
        },
        request_id: String(body.request_id ?? ""),
        started_by_id: userId,
        ended_by_id: null,
      };
      this.sessions.push(session);
      this.server.changed(clinic, {
        type: "session_changed",
        session_id: session.id,
      });
      return this.answer(clinic, userId, session);
    });

    this.transition("pause.json", (s, now) => {
      if (s.clock.state !== "running") {
        return s.clock.state === "ended" ? "already_ended" : "not_running";
      }
      s.clock = { ...s.clock, state: "paused", paused_since_ms: now };
      return null;
    });

    this.transition("resume.json", (s, now) => {
      if (s.clock.state !== "paused" || s.clock.paused_since_ms === null) {
        return s.clock.state === "ended" ? "already_ended" : "not_paused";
      }
      s.clock = {
        ...s.clock,
        state: "running",
        paused_total_ms:
          s.clock.paused_total_ms + (now - s.clock.paused_since_ms),
        paused_since_ms: null,
      };
      return null;
    });

    this.transition("extend.json", (s, _now, body) => {
      const minutes = Number(body.minutes);
      if (s.clock.state === "ended") {
        return "already_ended";
      }
      if (minutes !== 5 && minutes !== 10) {
        return "invalid_extension";
      }
      const total =
        s.clock.planned_seconds + s.clock.extensions_seconds + minutes * 60;
      if (total > MAX_MINUTES * 60) {
        return "extension_past_maximum";
      }
      s.clock = {
        ...s.clock,
        extensions_seconds: s.clock.extensions_seconds + minutes * 60,
      };
      return null;
    });

    this.transition("end.json", (s, now) => {
      if (s.clock.state === "ended") {
        return "already_ended";
      }
      const openPause =
        s.clock.paused_since_ms === null ? 0 : now - s.clock.paused_since_ms;
      s.clock = {
        ...s.clock,
        state: "ended",
        paused_total_ms: s.clock.paused_total_ms + openPause,
        paused_since_ms: null,
        ended_at_ms: now,
      };
      return null;
    });

    server.post(
      "/online-clinic/clinics/:id/session-requests.json",
      (request) => {
        const found = this.server.member(request.params.id);
        return Array.isArray(found) ? found : json(200, { success: "OK" });
      }
    );

    server.post("/online-clinic/clinics/:id/schedules.json", (request) => {
      const found = this.server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const body = bodyOf(request.requestBody);
      // The stand-in reads the local time in this browser's zone; the server uses the
      // therapist's zone with rrule/tzinfo (lib/online_clinic/session_schedule.rb).
      const first = new Date(String(body.local_start));
      if (Number.isNaN(first.getTime())) {
        return this.server.error(422, "invalid_local_time");
      }
      if (first.getTime() < Date.now()) {
        return this.server.error(422, "in_the_past");
      }
      const weekly = body.recurrence === "weekly";
      const count = weekly ? Number(body.count ?? 6) : 1;
      const starts = Array.from({ length: count }, (_, i) => {
        const start = new Date(first);
        start.setDate(first.getDate() + 7 * i);
        return start.toISOString();
      });
      this.schedules.push({
        id: Math.max(0, ...this.schedules.map((s) => s.id)) + 1,
        clinic_id: found.clinic.id,
        starts_at: starts,
        length_minutes: Number(body.length_minutes ?? 50),
        recurrence: weekly ? "weekly" : "none",
      });
      this.server.changed(found.clinic, { type: "schedule_changed" });
      return json(200, { upcoming: this.appointments(found.clinic.id) });
    });

    server.delete("/online-clinic/schedules/:id", (request) => {
      this.server.refresh();
      const clinicId =
        this.schedules.find((s) => s.id === idOf(request.params.id))
          ?.clinic_id ?? 0;
      // member() re-reads the practice: look the schedule up again in what it read.
      const found = this.server.member(clinicId);
      const schedule = this.schedules.find(
        (s) => s.id === idOf(request.params.id)
      );
      if (!schedule || Array.isArray(found)) {
        return this.server.notFound();
      }
      this.server.state.schedules = this.schedules.filter(
        (s) => s !== schedule
      );
      this.server.changed(found.clinic, { type: "schedule_changed" });
      return json(200, { upcoming: this.appointments(found.clinic.id) });
    });

    server.put("/online-clinic/clinics/:id/boundary.json", (request) => {
      const found = this.server.member(request.params.id);
      if (Array.isArray(found)) {
        return found;
      }
      const text = String(bodyOf(request.requestBody).text ?? "").trim();
      if (text.length > 500) {
        return this.server.error(422, "boundary_too_long");
      }
      (this.server.state.boundaries ??= {})[found.clinic.id] = text;
      this.server.changed(found.clinic);
      return json(200, { boundary_text: text || null });
    });
  }
}
