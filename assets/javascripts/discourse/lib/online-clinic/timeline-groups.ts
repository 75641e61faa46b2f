// The timeline's layout (docs/contract.md, "Record"): entries, oldest first, grouped by month
// (in the viewer's calendar) and, within a month, into runs that belong to one session
// ("Session 12 · video · 50 min") or fall between sessions.
import type { SessionData, TimelineEntry } from "./record-types";
import type { SessionMode } from "./session-types";

export interface SessionHeading {
  number: number;
  mode: SessionMode | null;
  minutes: number | null;
}

export interface TimelineBlock {
  key: string;
  session: SessionHeading | null;
  entries: TimelineEntry[];
}

export interface TimelineMonth {
  key: string;
  label: string;
  blocks: TimelineBlock[];
}

export interface CalendarOptions {
  locale: string;
  // The viewer's zone; tests pin it so that a month boundary does not move with the machine.
  timeZone?: string;
}

// "2026-12" for an instant, in the viewer's zone.
export function monthKey(iso: string, timeZone?: string): string {
  const parts = new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "2-digit",
    timeZone,
  }).formatToParts(new Date(iso));
  const year = parts.find((p) => p.type === "year")?.value ?? "0000";
  const month = parts.find((p) => p.type === "month")?.value ?? "01";
  return `${year}-${month}`;
}

// "December 2026" / "דצמבר 2026".
export function monthLabel(iso: string, options: CalendarOptions): string {
  return new Intl.DateTimeFormat(options.locale, {
    year: "numeric",
    month: "long",
    timeZone: options.timeZone,
  }).format(new Date(iso));
}

function sessionHeadings(
  entries: readonly TimelineEntry[]
): Map<number, SessionHeading> {
  const headings = new Map<number, SessionHeading>();
  for (const entry of entries) {
    if (entry.kind !== "session") {
      continue;
    }
    const data: SessionData = entry.data;
    const seconds = data.summary?.actual_seconds;
    headings.set(data.number, {
      number: data.number,
      mode: data.mode,
      minutes: typeof seconds === "number" ? Math.round(seconds / 60) : null,
    });
  }
  return headings;
}

export function groupTimeline(
  entries: readonly TimelineEntry[],
  options: CalendarOptions
): TimelineMonth[] {
  const headings = sessionHeadings(entries);
  const months: TimelineMonth[] = [];
  let month: TimelineMonth | null = null;
  let block: TimelineBlock | null = null;
  for (const entry of entries) {
    const key = monthKey(entry.at, options.timeZone);
    if (!month || month.key !== key) {
      month = { key, label: monthLabel(entry.at, options), blocks: [] };
      months.push(month);
      block = null;
    }
    const number = entry.session_number;
    if (!block || (block.session?.number ?? null) !== number) {
      block = {
        key: `block-${entry.key}`,
        session:
          number === null
            ? null
            : (headings.get(number) ?? { number, mode: null, minutes: null }),
        entries: [],
      };
      month.blocks.push(block);
    }
    block.entries.push(entry);
  }
  return months;
}

// The `from` of a jump to a date picked in <input type="date"> ("2026-12-04"): the start of
// that day in the viewer's zone, as an ISO instant. Null for an empty or impossible date.
export function startOfDay(value: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) {
    return null;
  }
  const [year, month, day] = [match[1], match[2], match[3]].map(Number) as [
    number,
    number,
    number,
  ];
  const date = new Date(year, month - 1, day);
  if (date.getMonth() !== month - 1 || date.getDate() !== day) {
    return null;
  }
  return date.toISOString();
}
