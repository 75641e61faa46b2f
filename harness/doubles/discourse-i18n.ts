// Double of `discourse-i18n`: looks keys up in the plugin's own config/locales/client.*.yml
// (parsed at build time) and throws on a missing key, so a test fails instead of showing
// "[en.online_clinic…]" as Discourse would.
import locales from "virtual:online-clinic-locales";

type Tree = { [key: string]: Tree | string };

// The few core keys the doubles themselves use (texts as in Discourse's client.en.yml).
const CORE: Record<string, Tree> = {
  en: {
    generic_error: "Sorry, an error has occurred.",
    generic_error_with_reason: "An error occurred: %{error}",
    multiple_errors: "Multiple errors occurred: %{errors}",
  },
  he: {
    generic_error: "מצטערים, אירעה שגיאה.",
    generic_error_with_reason: "אירעה שגיאה: %{error}",
    multiple_errors: "אירעו מספר שגיאות: %{errors}",
  },
};

export const missingKeys: string[] = [];

function lookup(
  tree: Tree | string | undefined,
  path: string[]
): Tree | string | undefined {
  let node = tree;
  for (const part of path) {
    if (node === undefined || typeof node === "string") {
      return undefined;
    }
    node = node[part];
  }
  return node;
}

function interpolate(text: string, options: Record<string, unknown>): string {
  return text.replace(/%\{(\w+)\}/g, (match, name: string) =>
    name in options ? String(options[name]) : match
  );
}

export class I18n {
  defaultLocale = "en";
  locale = "en";
  fallbackLocale = "en";
  translations: Record<string, unknown> = locales;
  extras = {};
  noFallbacks = false;
  testing = true;
  verbose = false;

  translate = (scope: any, options: any = {}): any => {
    const path = String(scope).split(".");
    const opts = (options ?? {}) as Record<string, unknown>;
    const fromPlugin = lookup(
      (locales as Record<string, Tree>)[this.locale]?.js,
      path
    );
    let found = fromPlugin ?? lookup(CORE[this.locale], path);
    if (found === undefined && this.locale !== "en") {
      found =
        lookup((locales as Record<string, Tree>).en?.js, path) ??
        lookup(CORE.en, path);
    }
    if (found !== undefined && typeof found !== "string" && "count" in opts) {
      const count = Number(opts.count);
      const form =
        count === 1 && found.one !== undefined ? found.one : found.other;
      found = typeof form === "string" ? form : undefined;
    }
    if (typeof found !== "string") {
      missingKeys.push(`${this.locale}.${scope}`);
      throw new Error(`Missing translation: ${this.locale}.js.${scope}`);
    }
    return interpolate(found, opts);
  };

  t = this.translate;

  get currentBcp47Locale(): any {
    return this.locale;
  }

  currentLocale(): any {
    return this.locale;
  }
}

const I18nInstance = new I18n();

export default I18nInstance;

export function i18n(scope: any, options: any = {}): any {
  return I18nInstance.translate(scope, options);
}
