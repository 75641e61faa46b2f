// Builds the sidebar section classes `api.addSidebarSection` asks for
// (frontend/discourse/app/lib/sidebar/base-custom-sidebar-section.js and
// base-custom-sidebar-section-link.js).
import type BaseCustomSidebarSection from "discourse/lib/sidebar/base-custom-sidebar-section";
import type BaseCustomSidebarSectionLink from "discourse/lib/sidebar/base-custom-sidebar-section-link";
import { i18n } from "discourse-i18n";
import type {
  SidebarLinkEntry,
  SidebarSectionEntry,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/sidebar-entries";

export function clinicSidebarSection(
  entry: SidebarSectionEntry,
  Section: typeof BaseCustomSidebarSection,
  Link: typeof BaseCustomSidebarSectionLink
): typeof BaseCustomSidebarSection {
  class ClinicLink extends Link {
    #entry: SidebarLinkEntry;

    constructor(link: SidebarLinkEntry) {
      super();
      this.#entry = link;
    }

    override get name(): string {
      return this.#entry.name;
    }

    override get href(): string {
      return this.#entry.href;
    }

    override get title(): string {
      return this.#entry.text;
    }

    override get text(): string {
      return this.#entry.text;
    }

    override get prefixType(): string {
      return "icon";
    }

    override get prefixValue(): string {
      return "lock";
    }
  }

  class DashboardLink extends Link {
    override get name(): string {
      return "online-clinic-dashboard";
    }

    override get route(): string {
      return "clinic.index";
    }

    override get title(): string {
      return i18n("online_clinic.sidebar.dashboard");
    }

    override get text(): string {
      return i18n("online_clinic.sidebar.dashboard");
    }

    override get prefixType(): string {
      return "icon";
    }

    override get prefixValue(): string {
      return "house";
    }
  }

  return class ClinicSidebarSection extends Section {
    override get name(): string {
      return entry.name;
    }

    // Not in the base class, but read by the section header (see plugin-api's example).
    get title(): string {
      return i18n(entry.titleKey);
    }

    override get text(): string {
      return i18n(entry.titleKey);
    }

    override get links(): BaseCustomSidebarSectionLink[] {
      const links: BaseCustomSidebarSectionLink[] = entry.links.map(
        (link) => new ClinicLink(link)
      );
      if (entry.dashboardLink) {
        links.push(new DashboardLink());
      }
      return links;
    }
  };
}
