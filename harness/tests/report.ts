// Hands QUnit's results to the headless runner through `window.__onlineClinicQUnit`.
import QUnit from "qunit";

type Failure = { name: string; messages: string[] };
type Report = {
  done: boolean;
  passed: number;
  failed: number;
  total: number;
  failures: Failure[];
};

declare global {
  interface Window {
    __onlineClinicQUnit: Report;
  }
}

// QUnit 2.26's event API, missing from the older QUnit types Discourse ships.
const events = QUnit as unknown as {
  on(event: string, callback: (details: any) => void): void;
};

export function reportToRunner(): void {
  const report: Report = {
    done: false,
    passed: 0,
    failed: 0,
    total: 0,
    failures: [],
  };
  window.__onlineClinicQUnit = report;
  events.on("testEnd", (test: any) => {
    report.total += 1;
    if (test.status === "failed") {
      report.failed += 1;
      report.failures.push({
        name: `${test.fullName.join(" > ")}`,
        messages: test.errors.map(
          (e: any) => `${e.message ?? ""}${e.stack ? `\n${e.stack}` : ""}`
        ),
      });
    } else {
      report.passed += 1;
    }
  });
  events.on("runEnd", () => {
    report.done = true;
  });
}
