// Double of `discourse/lib/load-script`: like Discourse's, a <script> tag in <head>, each URL
// loaded once, the promise rejected when the tag fails, and a test waiter while it loads. The
// CDN rewrite and the CSS variant are left out (the plugin loads only scripts). In the
// preview, an unreachable Jitsi server therefore fails as it would in Discourse.
import { waitForPromise } from "@ember/test-waiters";

// Discourse serves a plugin's public/ folder at /plugins/<plugin name>/ (lib/plugin/instance.rb
// links it into Rails' public/plugins/). Here Vite bundles those files and the double rewrites
// the URL, so tests and the preview load the very file the plugin ships.
const PLUGIN_PUBLIC = "/plugins/discourse-online-clinic/";
const publicFiles = import.meta.glob<string>("../../../../public/**/*.js", {
  query: "?url",
  import: "default",
  eager: true,
});

function servedUrl(url: string): string {
  if (!url.startsWith(PLUGIN_PUBLIC)) {
    return url;
  }
  const file = `../../../../public/${url.slice(PLUGIN_PUBLIC.length)}`;
  return publicFiles[file] ?? url;
}

const loaded = new Set<string>();
const loading = new Map<string, Promise<void>>();

function loadWithTag(url: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const script = document.createElement("script");
    script.src = url;
    script.onload = () => {
      loaded.add(url);
      resolve();
    };
    script.onerror = () => {
      script.remove();
      reject(new Error(`Failed to load ${url}`));
    };
    document.head.appendChild(script);
  });
}

export default function loadScript(url: any, opts: {} = {}): any {
  void opts;
  const key = servedUrl(String(url));
  if (loaded.has(key)) {
    return Promise.resolve();
  }
  let pending = loading.get(key);
  if (!pending) {
    pending = waitForPromise(loadWithTag(key)).finally(() =>
      loading.delete(key)
    );
    loading.set(key, pending);
  }
  return pending;
}

export function loadCSS(url: any): any {
  return loadScript(url, { css: true });
}
