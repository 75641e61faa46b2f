// Builds the standalone QUnit suite (and the preview host) for headless Chromium: real
// ember-source, the plugin's own modules, and doubles of Discourse's modules from ./doubles.
import { buildMacros } from "@embroider/macros/babel";
import { templateTag } from "@embroider/vite";
import { babel } from "@rollup/plugin-babel";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";
import { parse as parseYaml } from "yaml";

const harnessDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(harnessDir, "..");
const require = createRequire(import.meta.url);
const emberSourceDir = dirname(require.resolve("ember-source/package.json"));
const renamedModules = JSON.parse(
  readFileSync(join(emberSourceDir, "package.json"), "utf8")
)["ember-addon"]["renamed-modules"];
const PLUGIN_PREFIX = "discourse/plugins/discourse-online-clinic/";

// `@ember/service` → ember-source/dist/dev/packages/@ember/service/index.js, as Embroider does.
function emberSourceModules() {
  return {
    name: "online-clinic-ember-source",
    enforce: "pre",
    resolveId(id) {
      for (const candidate of [`${id}/index.js`, `${id}.js`]) {
        const target = renamedModules[candidate];
        if (target) {
          return join(
            emberSourceDir,
            "dist/dev/packages",
            target.replace(/^ember-source\//, "")
          );
        }
      }
      return null;
    },
  };
}

// Discourse modules resolve to doubles; the plugin's own path comes first.
function discourseDoubles() {
  const exts = [".ts", ".gts", ".js", ".gjs", "/index.ts", "/index.gts"];
  const find = (base) => exts.map((e) => base + e).find((p) => existsSync(p));
  return {
    name: "online-clinic-discourse-doubles",
    enforce: "pre",
    resolveId(id) {
      if (id.startsWith(PLUGIN_PREFIX)) {
        const found = find(
          join(root, "assets/javascripts", id.slice(PLUGIN_PREFIX.length))
        );
        if (!found) {
          this.error(`plugin module not found: ${id}`);
        }
        return found;
      }
      if (id === "discourse-i18n" || id.startsWith("discourse/")) {
        const found = find(join(harnessDir, "doubles", id));
        if (!found) {
          this.error(
            `no double for Discourse module "${id}": add harness/doubles/${id}.ts`
          );
        }
        return found;
      }
      return null;
    },
  };
}

// A virtual module whose default export is built from YAML files of the plugin at build time.
function yamlModule(virtualId, files, build) {
  return {
    name: virtualId,
    resolveId: (id) => (id === virtualId ? "\0" + virtualId : null),
    load(id) {
      if (id !== "\0" + virtualId) {
        return null;
      }
      const parsed = {};
      for (const [key, relative] of Object.entries(files)) {
        const file = join(root, relative);
        this.addWatchFile(file);
        parsed[key] = existsSync(file)
          ? (parseYaml(readFileSync(file, "utf8")) ?? {})
          : {};
      }
      return `export default ${JSON.stringify(build(parsed))};`;
    },
  };
}

const byLocale = (kind) => ({
  en: `config/locales/${kind}.en.yml`,
  he: `config/locales/${kind}.he.yml`,
});
const rootKeys = (parsed) =>
  Object.fromEntries(
    Object.entries(parsed).map(([locale, tree]) => [locale, tree[locale] ?? {}])
  );

// The client's settings (`client: true` in config/settings.yml) with their defaults.
function clientSettingDefaults({ settings }) {
  const defaults = {};
  for (const group of Object.values(settings)) {
    for (const [name, setting] of Object.entries(group ?? {})) {
      if (setting && typeof setting === "object" && setting.client) {
        defaults[name] = setting.default ?? null;
      }
    }
  }
  return defaults;
}

// The plugin is the "app being developed": Embroider's isDevelopingApp() is then true, so
// @ember/test-waiters really waits (settled() covers pending ajax) and Ember's dev asserts run.
const macros = buildMacros({
  configure: (config) => config.enablePackageDevelopment(root),
});

export default defineConfig(({ mode }) => ({
  root: harnessDir,
  base: "./",
  logLevel: "warn",
  // Babel alone compiles TypeScript (as in Discourse): Vite's own transform would turn a
  // `@tracked` field of a .ts file into a plain field that hides the tracked property.
  oxc: false,
  resolve: { extensions: [".ts", ".gts", ".js", ".gjs", ".mjs", ".json"] },
  // The export archive fixture (test/fixtures/online-clinic/*.zip) is imported `?inline`.
  assetsInclude: ["**/*.zip"],
  plugins: [
    emberSourceModules(),
    discourseDoubles(),
    // The i18n double's texts, the preview server's messages, and site setting defaults.
    yamlModule("virtual:online-clinic-locales", byLocale("client"), rootKeys),
    yamlModule(
      "virtual:online-clinic-server-locales",
      byLocale("server"),
      rootKeys
    ),
    yamlModule(
      "virtual:online-clinic-site-settings",
      { settings: "config/settings.yml" },
      clientSettingDefaults
    ),
    templateTag(),
    babel({
      babelHelpers: "inline",
      extensions: [".ts", ".gts", ".js", ".gjs"],
      exclude: [/ember-source\/dist/, /node_modules\/(qunit|pretender|yaml)\//],
      configFile: false,
      babelrc: false,
      presets: [],
      plugins: [
        [
          require.resolve("@babel/plugin-transform-typescript"),
          {
            allExtensions: true,
            onlyRemoveTypeImports: true,
            allowDeclareFields: true,
          },
        ],
        [
          require.resolve("babel-plugin-ember-template-compilation"),
          { transforms: [...macros.templateMacros], targetFormat: "wire" },
        ],
        [
          require.resolve("decorator-transforms"),
          { runtime: { import: "decorator-transforms/runtime" } },
        ],
        ...macros.babelMacros,
      ],
    }),
  ],
  build: {
    outDir: resolve(
      harnessDir,
      "dist",
      mode === "preview" ? "preview" : "tests"
    ),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    target: "es2022",
    chunkSizeWarningLimit: 100000,
    rollupOptions: {
      // Babel over real ember-source is slow by nature; the timing report is only noise here.
      checks: { bundlerTimings: false },
      input: resolve(
        harnessDir,
        mode === "preview" ? "preview/index.html" : "tests/index.html"
      ),
    },
  },
}));
