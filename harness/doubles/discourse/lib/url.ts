// Double of `discourse/lib/url`'s default export (DiscourseURL): records where the app was
// sent, so a test can assert the destination (see `routedTo`); the preview routes there.
import { navigateTo, replaceAddress } from "../../../navigation";

const visited: string[] = [];

const DiscourseURL = {
  routeTo(path: any, _opts: any): any {
    visited.push(String(path));
    navigateTo(String(path));
    return true;
  },
  routeToUrl(url: any, _opts: {} = {}): void {
    visited.push(String(url));
    navigateTo(String(url));
  },
  // The address bar changes, nothing is routed (as Discourse's own replaceState).
  replaceState(path: any): void {
    replaceAddress(String(path));
  },
};

export function routedTo(): readonly string[] {
  return visited;
}

export function resetRoutedTo(): void {
  visited.length = 0;
}

export default DiscourseURL;
