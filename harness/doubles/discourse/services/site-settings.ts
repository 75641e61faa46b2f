// Double of Discourse's `siteSettings`: the plugin's client settings with their defaults from
// config/settings.yml, fresh for every test (tests change them as in Discourse:
// `this.siteSettings.online_clinic_enabled = true`).
import defaults from "virtual:online-clinic-site-settings";

export function freshSiteSettings(): Record<string, unknown> {
  return { title: "Discourse", default_locale: "en", ...defaults };
}
