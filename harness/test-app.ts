// The Ember application the standalone tests and the preview run in; Discourse's services
// that plugin code injects are registered per test by the component-test double.
import Application from "@ember/application";
import Resolver from "ember-resolver";

class HarnessApplication extends Application {
  modulePrefix = "online-clinic-harness";
  override Resolver = Resolver.withModules({});
}

export function createHarnessApplication(
  rootElement: string
): HarnessApplication {
  return HarnessApplication.create({ rootElement, autoboot: false });
}
