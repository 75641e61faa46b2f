// Double of `discourse/lib/api`: `apiInitializer` returns the initializer object Discourse
// builds; the preview calls `initialize` with its own PluginApi stand-in.
export function apiInitializer(
  apiCodeCallback: (
    api: import("discourse/lib/plugin-api").PluginApi,
    opts: object
  ) => any,
  opts?: object,
  ..._args: any[]
): { name: string; after: string; initialize(): any } {
  return {
    name: "online-clinic-api-initializer",
    after: "inject-objects",
    initialize(this: { api?: any }) {
      return apiCodeCallback(this.api, opts ?? {});
    },
  };
}
