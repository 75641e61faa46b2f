// The Ember application the standalone tests and the preview run in. As Discourse's resolver
// does, it finds the plugin's own services (`@service clinicApi` → services/clinic-api.ts);
// Discourse's services that plugin code injects are registered by the component-test double
// (tests) or the preview's boot.
import Application from "@ember/application";
import Resolver from "ember-resolver";

const MODULE_PREFIX = "online-clinic-harness";

const pluginServices = import.meta.glob<{ default: unknown }>(
  "../assets/javascripts/discourse/services/*.ts",
  { eager: true }
);

function pluginModules(): Record<string, unknown> {
  const modules: Record<string, unknown> = {};
  for (const [path, module] of Object.entries(pluginServices)) {
    const name = path.replace(/^.*\/services\/(.*)\.ts$/, "$1");
    modules[`${MODULE_PREFIX}/services/${name}`] = module;
  }
  return modules;
}

class HarnessApplication extends Application {
  modulePrefix = MODULE_PREFIX;
  override Resolver = Resolver.withModules(pluginModules());
}

export function createHarnessApplication(
  rootElement: string
): HarnessApplication {
  return HarnessApplication.create({ rootElement, autoboot: false });
}
