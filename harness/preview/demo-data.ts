// The demo practice the preview opens with: one therapist, three clients, three clinics.
import type {
  ClinicKind,
  ClinicRole,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";

export interface DemoUser {
  id: number;
  username: string;
  name: string;
  therapist: boolean;
}

export interface DemoClinic {
  id: number;
  category_id: number;
  slug: string;
  name: string;
  kind: ClinicKind;
  status: "open" | "archived";
  members: { user_id: number; role: ClinicRole }[];
  pending_invites: { email: string; invited_at: string }[];
  created_at: string;
  archived_at: string | null;
  last_activity_at: string | null;
  request_id: string | null;
}

export const DEMO_USERS: DemoUser[] = [
  { id: 1, username: "dror", name: "Dr. Dror Green", therapist: true },
  { id: 2, username: "jenny", name: "Jenny", therapist: false },
  { id: 3, username: "noa", name: "נועה לוי", therapist: false },
  { id: 4, username: "yoav", name: "Yoav", therapist: false },
  { id: 5, username: "ruth", name: "Ruth", therapist: false },
];

// Topics of each demo clinic that a written session may continue.
export const DEMO_TOPICS: Record<number, { id: number; title: string }[]> = {
  1: [
    { id: 1001, title: "Welcome to your clinic" },
    { id: 1002, title: "Letters to my son" },
  ],
  2: [
    { id: 2001, title: "Welcome to your clinic" },
    { id: 2002, title: "What we argue about on Fridays" },
  ],
};

export function demoClinics(now: Date): DemoClinic[] {
  const daysAgo = (days: number) =>
    new Date(now.getTime() - days * 86400000).toISOString();
  return [
    {
      id: 1,
      category_id: 101,
      slug: "c-7f3kq9x2",
      name: "Jenny's clinic",
      kind: "individual",
      status: "open",
      members: [
        { user_id: 1, role: "therapist" },
        { user_id: 2, role: "client" },
      ],
      pending_invites: [],
      created_at: daysAgo(60),
      archived_at: null,
      last_activity_at: daysAgo(1),
      request_id: null,
    },
    {
      id: 2,
      category_id: 102,
      slug: "c-p2m8w4zt",
      name: "Noa & Yoav",
      kind: "couple",
      status: "open",
      members: [
        { user_id: 1, role: "therapist" },
        { user_id: 3, role: "client" },
        { user_id: 4, role: "client" },
      ],
      pending_invites: [],
      created_at: daysAgo(20),
      archived_at: null,
      last_activity_at: daysAgo(3),
      request_id: null,
    },
    {
      id: 3,
      category_id: 103,
      slug: "c-h9d2r6vb",
      name: "Ruth",
      kind: "individual",
      status: "archived",
      members: [
        { user_id: 1, role: "therapist" },
        { user_id: 5, role: "client" },
      ],
      pending_invites: [],
      created_at: daysAgo(400),
      archived_at: daysAgo(30),
      last_activity_at: daysAgo(30),
      request_id: null,
    },
  ];
}
