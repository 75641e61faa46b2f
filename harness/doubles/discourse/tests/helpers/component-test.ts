// Double of `discourse/tests/helpers/component-test`: Ember's rendering test plus the services
// Discourse's own helper registers — a logged-in user "eviltrout" (unless
// `{ anonymous: true }`), fresh site settings, the message bus and the dialog.
import EmberObject from "@ember/object";
import { setupRenderingTest as emberSetupRenderingTest } from "ember-qunit";
import { setCurrentOwner } from "../../../../owner";
import DialogDouble from "../../services/dialog";
import MessageBusDouble from "../../services/message-bus";
import { freshSiteSettings } from "../../services/site-settings";

export function setupRenderingTest(
  hooks: any,
  opts: { anonymous?: boolean } = {}
): void {
  emberSetupRenderingTest(hooks);

  hooks.beforeEach(function (this: any) {
    const owner = this.owner;
    setCurrentOwner(owner);
    this.siteSettings = freshSiteSettings();
    this.registry = owner.__registry__;
    this.container = owner;
    owner.register("service:site-settings", this.siteSettings, {
      instantiate: false,
    });
    owner.register("service:message-bus", new MessageBusDouble(), {
      instantiate: false,
    });
    owner.register("service:dialog", new DialogDouble(), {
      instantiate: false,
    });
    if (owner.resolveRegistration("service:current-user")) {
      owner.unregister("service:current-user");
    }
    if (!opts.anonymous) {
      const props: object = {
        id: 19,
        username: "eviltrout",
        name: "Robin Ward",
        admin: false,
        moderator: false,
        groups: [],
        avatar_template: "/letter_avatar_proxy/v4/letter/e/f05b48/{size}.png",
        user_option: { timezone: "Australia/Brisbane" },
      };
      this.currentUser = EmberObject.create(props);
      owner.register("service:current-user", this.currentUser, {
        instantiate: false,
      });
    }
  });

  hooks.afterEach(function () {
    setCurrentOwner(undefined);
  });
}
