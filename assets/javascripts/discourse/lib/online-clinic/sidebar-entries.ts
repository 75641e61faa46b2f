// What the sidebar shows a member, from `current_user.online_clinics`: a client gets
// "My clinic" with their clinic(s); a therapist gets "Clinics" leading to the dashboard.
import type { CurrentUserClinic } from "./clinic-types";

export interface SidebarLinkEntry {
  name: string;
  text: string;
  href: string;
}

export interface SidebarSectionEntry {
  name: string;
  titleKey: string;
  links: SidebarLinkEntry[];
  dashboardLink: boolean;
}

export function sidebarSections(
  clinics: readonly CurrentUserClinic[] | null | undefined
): SidebarSectionEntry[] {
  const all = clinics ?? [];
  const sections: SidebarSectionEntry[] = [];
  const asClient = all.filter((clinic) => clinic.role === "client");
  if (asClient.length > 0) {
    sections.push({
      name: "online-clinic-my-clinic",
      titleKey: "online_clinic.sidebar.my_clinic",
      links: asClient.map((clinic) => ({
        name: `online-clinic-${clinic.id}`,
        text: clinic.name,
        href: clinic.url,
      })),
      dashboardLink: false,
    });
  }
  if (all.some((clinic) => clinic.role === "therapist")) {
    sections.push({
      name: "online-clinic-clinics",
      titleKey: "online_clinic.sidebar.clinics",
      links: [],
      dashboardLink: true,
    });
  }
  return sections;
}
