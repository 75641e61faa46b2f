// The session fixtures (docs/contract.md "## Sessions"), typed; each call returns a fresh copy.
import type {
  SessionResponse,
  SessionsResponse,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/session-types";
import clientIdle from "../../fixtures/online-clinic/sessions-client-idle.json";
import clientRunning from "../../fixtures/online-clinic/sessions-client-running.json";
import startAnswer from "../../fixtures/online-clinic/sessions-start-answer.json";
import therapistIdle from "../../fixtures/online-clinic/sessions-therapist-idle.json";
import therapistRunning from "../../fixtures/online-clinic/sessions-therapist-running.json";

function copy<T>(json: unknown): T {
  return structuredClone(json) as T;
}

// Session 12 of clinic 8 started at this instant (server clock).
export const SESSION_STARTED_AT_MS = 1796392800000;

export const therapistRunningFixture = (): SessionsResponse =>
  copy(therapistRunning);
export const therapistIdleFixture = (): SessionsResponse => copy(therapistIdle);
export const clientIdleFixture = (): SessionsResponse => copy(clientIdle);
export const clientRunningFixture = (): SessionsResponse => copy(clientRunning);
export const startAnswerFixture = (): SessionResponse => copy(startAnswer);
