import { module, test } from "qunit";
import { clinicNotificationRenderer } from "discourse/plugins/discourse-online-clinic/discourse/lib/clinic-notification-renderer";
import {
  clinicNotificationHref,
  isClinicNotification,
} from "discourse/plugins/discourse-online-clinic/discourse/lib/online-clinic/clinic-notification";

// Core's NotificationTypeBase, reduced to what the renderer overrides.
class CoreBase {
  notification: { data: Record<string, unknown> };

  constructor({
    notification,
  }: {
    notification: { data: Record<string, unknown> };
  }) {
    this.notification = notification;
  }

  get linkHref(): string | undefined {
    return "/t/some-topic/5";
  }

  get linkTitle(): string | undefined {
    return "core title";
  }

  get icon(): string {
    return "core-icon";
  }
}

const Renderer = clinicNotificationRenderer(CoreBase);

function render(data: Record<string, unknown>) {
  return new Renderer({ notification: { data } });
}

module("Unit | Lib | online-clinic | clinic-notification", function () {
  test("a reminder leads into the clinic's page with a clock icon", function (assert) {
    const item = render({
      message: "online_clinic.notifications.session_reminder",
      title: "online_clinic.notifications.session_reminder_title",
      online_clinic_id: 4,
      url: "/c/c-7f3kq9x2/101",
    });
    assert.strictEqual(item.linkHref, "/c/c-7f3kq9x2/101");
    assert.strictEqual(item.icon, "clock");
    assert.strictEqual(item.linkTitle, "Appointment reminder");
  });

  test("an exported record leads to the timeline with an archive icon", function (assert) {
    const item = render({
      message: "online_clinic.notifications.export_ready",
      title: "online_clinic.notifications.export_ready_title",
      online_clinic_id: 4,
      url: "/clinic/4/timeline",
    });
    assert.strictEqual(item.linkHref, "/clinic/4/timeline");
    assert.strictEqual(item.icon, "box-archive");
    assert.strictEqual(item.linkTitle, "Your record is ready");
  });

  test("a link that leaves the forum is never followed", function (assert) {
    assert.strictEqual(
      clinicNotificationHref({ url: "https://elsewhere.example/x" }),
      "/clinic"
    );
    assert.strictEqual(
      clinicNotificationHref({ url: "//elsewhere.example" }),
      "/clinic"
    );
  });

  test("other plugins' custom notifications keep core's behaviour", function (assert) {
    const item = render({ message: "marketplace.notifications.sold" });
    assert.false(
      isClinicNotification({ message: "marketplace.notifications.sold" })
    );
    assert.strictEqual(item.linkHref, "/t/some-topic/5");
    assert.strictEqual(
      item.icon,
      "notification.marketplace.notifications.sold"
    );
    assert.strictEqual(item.linkTitle, "core title");
  });
});
