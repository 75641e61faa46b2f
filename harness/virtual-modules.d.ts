/// <reference types="vite/client" />
declare module "virtual:online-clinic-locales" {
  const locales: Record<
    string,
    { js?: Record<string, unknown> } & Record<string, unknown>
  >;

  export default locales;
}
declare module "virtual:online-clinic-site-settings" {
  const defaults: Record<string, unknown>;

  export default defaults;
}
declare module "virtual:online-clinic-server-locales" {
  const locales: Record<string, Record<string, unknown>>;

  export default locales;
}
