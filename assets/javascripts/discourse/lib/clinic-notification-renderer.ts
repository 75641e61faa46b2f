// The renderer of "custom" notifications (frontend/discourse/app/lib/notification-types/
// custom.js and base.js): Discourse keeps one renderer per type, so every other custom
// notification keeps core's behaviour (icon and title from its data) and only the clinic's
// own get their link and icon.
import getURL from "discourse/lib/get-url";
import { i18n } from "discourse-i18n";
import {
  type ClinicNotificationData,
  clinicNotificationHref,
  clinicNotificationIcon,
  isClinicNotification,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-notification";

interface RenderDirector {
  notification: { data: ClinicNotificationData };
  readonly linkHref: string | undefined;
  readonly linkTitle: string | undefined;
  readonly icon: string;
}

export type RenderDirectorClass = new (...args: any[]) => RenderDirector;

export function clinicNotificationRenderer(
  Base: RenderDirectorClass
): RenderDirectorClass {
  return class ClinicAwareCustomNotification extends Base {
    override get linkHref(): string | undefined {
      const data = this.notification.data;
      return isClinicNotification(data)
        ? getURL(clinicNotificationHref(data))
        : super.linkHref;
    }

    override get linkTitle(): string | undefined {
      const title = this.notification.data.title;
      return typeof title === "string" ? i18n(title) : super.linkTitle;
    }

    override get icon(): string {
      const data = this.notification.data;
      return isClinicNotification(data)
        ? clinicNotificationIcon(data)
        : `notification.${String(data.message)}`;
    }
  };
}
