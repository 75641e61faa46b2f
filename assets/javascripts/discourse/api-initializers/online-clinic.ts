import { apiInitializer } from "discourse/lib/api";
import { i18n } from "discourse-i18n";
import ClinicCategoryHeader from "discourse/plugins/discourse-online-clinic/discourse/components/clinic-category-header";
import ClinicComposerBoundary from "discourse/plugins/discourse-online-clinic/discourse/components/clinic-composer-boundary";
import ClinicDock from "discourse/plugins/discourse-online-clinic/discourse/components/clinic-dock";
import ClinicFolderChooser from "discourse/plugins/discourse-online-clinic/discourse/components/clinic-folder-chooser";
import ClinicTopicFolder from "discourse/plugins/discourse-online-clinic/discourse/components/clinic-topic-folder";
import ClinicTopicSession from "discourse/plugins/discourse-online-clinic/discourse/components/clinic-topic-session";
import ClinicNewModal from "discourse/plugins/discourse-online-clinic/discourse/components/modal/clinic-new-modal";
import {
  clinicNotificationRenderer,
  type RenderDirectorClass,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/clinic-notification-renderer";
import { clinicSidebarSection } from "discourse/plugins/discourse-online-clinic/discourse/lib/clinic-sidebar-section";
import type { CurrentUserClinic } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-types";
import {
  canOfferClinic,
  type OpenForumTopic,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/open-forum";
import { sidebarSections } from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/sidebar-entries";

// The serialized fields of docs/contract.md this file reads (Discourse types them `any`).
interface ClinicCurrentUser {
  username: string;
  online_clinics?: CurrentUserClinic[];
  can_open_online_clinic?: boolean;
}

interface ClinicSiteSettings {
  online_clinic_enabled: boolean;
  online_clinic_open_forum_category: string | number | null;
}

// `this` of a topic footer button's callbacks is the topic footer component
// (frontend/discourse/app/lib/register-topic-footer-button.js).
interface TopicFooterContext {
  topic: {
    id: number;
    category_id: number | null;
    details?: { created_by?: { username: string } | null } | null;
  };
}

function openForumTopic(context: TopicFooterContext): OpenForumTopic {
  return {
    id: context.topic.id,
    category_id: context.topic.category_id,
    creatorUsername: context.topic.details?.created_by?.username,
  };
}

export default apiInitializer((api) => {
  const siteSettings = api.container.lookup(
    "service:site-settings"
  ) as ClinicSiteSettings;
  if (!siteSettings.online_clinic_enabled) {
    return;
  }

  api.renderInOutlet("discovery-list-container-top", ClinicCategoryHeader);

  const currentUser = api.getCurrentUser() as ClinicCurrentUser | null;
  if (!currentUser) {
    return;
  }

  // Sessions: the between-sessions note in the composer, the timer above a session's posts.
  api.renderInOutlet("composer-fields", ClinicComposerBoundary);

  api.renderInOutlet("topic-above-posts", ClinicTopicSession);

  // Folders: the composer offers a folder when creating a topic in a clinic, sends the choice
  // with the new topic and keeps it in the draft (frontend/discourse/app/models/composer.js,
  // `createPost`, `_draft_serializer`, `_add_draft_fields`);
  // a clinic topic shows its folder and "Move to…" above its posts.
  api.serializeOnCreate("online_clinic_folder_id");
  api.serializeToDraft("online_clinic_folder_id");
  api.renderInOutlet("composer-fields", ClinicFolderChooser);
  api.renderInOutlet("topic-above-posts", ClinicTopicFolder);

  // Video: one dock for the whole app, in an outlet of the application template that stays
  // while the user moves between pages (frontend/discourse/app/templates/application.gjs).
  api.renderInOutlet("after-main-outlet", ClinicDock);

  // A client's request for a session and appointment reminders are "custom" notifications;
  // Discourse passes the base class and keeps the class returned
  // (frontend/discourse/app/lib/notification-types-manager.js).
  api.registerNotificationTypeRenderer("custom", (Base: RenderDirectorClass) =>
    clinicNotificationRenderer(Base)
  );

  for (const entry of sidebarSections(currentUser.online_clinics)) {
    api.addSidebarSection(
      (
        Section: Parameters<typeof clinicSidebarSection>[1],
        Link: Parameters<typeof clinicSidebarSection>[2]
      ) => clinicSidebarSection(entry, Section, Link)
    );
  }

  const viewer = {
    username: currentUser.username,
    canOpenClinic: currentUser.can_open_online_clinic === true,
  };
  if (!viewer.canOpenClinic) {
    return;
  }

  const modal = api.container.lookup("service:modal") as {
    show(modal: unknown, options: object): Promise<unknown>;
  };

  api.registerTopicFooterButton({
    id: "online-clinic-open-for",
    icon: "plus",
    priority: 250,
    classNames: ["clinic-open-for"],
    dependentKeys: ["topic.category_id", "topic.details.created_by"],
    displayed(this: TopicFooterContext): boolean {
      return canOfferClinic(
        openForumTopic(this),
        siteSettings.online_clinic_open_forum_category,
        viewer
      );
    },
    translatedLabel(this: TopicFooterContext): string {
      return i18n("online_clinic.open_clinic_for", {
        username: openForumTopic(this).creatorUsername ?? "",
      });
    },
    translatedTitle(this: TopicFooterContext): string {
      return i18n("online_clinic.open_clinic_for", {
        username: openForumTopic(this).creatorUsername ?? "",
      });
    },
    action(this: TopicFooterContext): void {
      const topic = openForumTopic(this);
      void modal.show(ClinicNewModal, {
        model: {
          prefill: {
            kind: "individual",
            usernames: topic.creatorUsername ?? "",
          },
          sourceTopicId: topic.id,
        },
      });
    },
  });
});
