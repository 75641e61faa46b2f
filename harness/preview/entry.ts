// Boots the preview: the plugin's real components on the same doubles the tests use, a
// stand-in server with a demo practice, and a persona (therapist or client) per window.
import EmberObject from "@ember/object";
import { renderComponent } from "@ember/renderer";
import "./discourse-variables.css";
import "./preview.css";
import "../../assets/stylesheets/online-clinic.scss";
import "../../assets/stylesheets/online-clinic-screen.scss";
import "../../assets/stylesheets/online-clinic-record.scss";
import I18n from "discourse-i18n";
import type ClinicScreen from "discourse/plugins/discourse-online-clinic/discourse/services/clinic-screen";
import DialogDouble from "../doubles/discourse/services/dialog";
import { freshSiteSettings } from "../doubles/discourse/services/site-settings";
import { setAddressHandler, setNavigationHandler } from "../navigation";
import { setCurrentOwner } from "../owner";
import { createHarnessApplication } from "../test-app";
import BridgedMessageBus from "./bridged-message-bus";
import { DEMO_USERS } from "./demo-data";
import { serveFolders } from "./fake-folders";
import { serveRecord } from "./fake-record";
import { previewAddressCheck, serveScreen } from "./fake-screen";
import { FakeClinicServer } from "./fake-server";
import { serveSessions } from "./fake-sessions";
import { serveVideo } from "./fake-video";
import PreviewShell from "./preview-shell";

const params = new URLSearchParams(window.location.search);
const persona =
  DEMO_USERS.find((u) => u.username === params.get("as")) ?? DEMO_USERS[0];
const locale = params.get("lang") === "he" ? "he" : "en";
I18n.locale = locale;
document.documentElement.lang = locale;
document.documentElement.dir = locale === "he" ? "rtl" : "ltr";
if (!window.location.hash) {
  window.location.hash = "/clinic";
}

// The preview's dialog asks the browser, so confirmations are real choices.
class BrowserDialog extends DialogDouble {
  override alert(message: string | { message: string }): Promise<void> {
    window.alert(typeof message === "string" ? message : message.message);
    return super.alert(message);
  }

  override confirm(options: {
    message: string;
    didConfirm?: () => unknown;
    didCancel?: () => unknown;
  }): Promise<unknown> {
    this.answerConfirmationsWith = window.confirm(options.message);
    return super.confirm(options);
  }
}

async function boot(): Promise<void> {
  let server: FakeClinicServer | undefined;
  const messageBus = new BridgedMessageBus((committed) =>
    server?.adopt(committed)
  );
  server = new FakeClinicServer({
    currentUser: () => persona,
    locale: () => locale,
    publish: (channel, data, committed) =>
      messageBus.publish(channel, data, committed),
  });
  await server.start();
  serveSessions(server);
  serveVideo(server);
  serveFolders(server);
  serveScreen(server);
  serveRecord(server);

  const app = createHarnessApplication("#preview-root");
  const instance = app.buildInstance();
  await instance.boot();
  const siteSettings = { ...freshSiteSettings(), online_clinic_enabled: true };
  instance.register("service:site-settings", siteSettings, {
    instantiate: false,
  });
  instance.register("service:message-bus", messageBus, { instantiate: false });
  instance.register("service:dialog", new BrowserDialog(), {
    instantiate: false,
  });

  const clinicsOf = () => server?.currentUserClinics() ?? [];
  const currentUser = EmberObject.create({
    ...persona,
    admin: false,
    moderator: false,
    online_clinics: clinicsOf(),
  } as object);
  instance.register("service:current-user", currentUser, {
    instantiate: false,
  });
  // The browser's early address check accepts the preview's demo files too (fake-screen.ts).
  (instance.lookup("service:clinic-screen") as ClinicScreen).checkAddress =
    previewAddressCheck;
  setCurrentOwner(instance);
  setNavigationHandler((url) => {
    window.location.hash = url;
  });
  // DiscourseURL.replaceState: the address changes, the page stays (no hashchange fires).
  setAddressHandler((url) => {
    window.history.replaceState(window.history.state, "", `#${url}`);
  });

  const root = document.getElementById("preview-root");
  if (!root) {
    throw new Error("#preview-root is missing");
  }
  renderComponent(PreviewShell, {
    owner: instance,
    into: root,
    args: {
      persona,
      personas: DEMO_USERS,
      locale,
      clinicsOf,
      onReset: async () => {
        await server?.reset();
        window.location.reload();
      },
      onTamper: (clinicId: number) => {
        server?.tamperWithAuditLog(clinicId);
        window.location.reload();
      },
    },
  });
}

boot().catch((error) => {
  document.body.textContent = `The preview failed to start: ${String(error)}`;
  throw error;
});
