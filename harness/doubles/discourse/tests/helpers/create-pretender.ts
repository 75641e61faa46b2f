// Double of `discourse/tests/helpers/create-pretender`: one Pretender shared by all tests,
// reset after each; a request no test expected fails the test that made it.
import Pretender from "pretender";

export function parsePostData(query: any): any {
  const result: Record<string, any> = {};
  if (!query) {
    return result;
  }
  for (const part of String(query).split("&")) {
    const [rawKey, rawValue = ""] = part.split("=");
    const key = decodeURIComponent(rawKey.replace(/\+/g, " "));
    const value = decodeURIComponent(rawValue.replace(/\+/g, " "));
    const match = /^(.*?)((\[[^\]]*\])+)$/.exec(key);
    if (!match) {
      result[key] = value;
      continue;
    }
    const path = [...match[2].matchAll(/\[([^\]]*)\]/g)].map((m) => m[1]);
    let node: Record<string, any> = result;
    let name = match[1];
    for (const segment of path) {
      if (segment === "") {
        node[name] ??= [];
        (node[name] as unknown[]).push(value);
        node = {};
        name = "";
        break;
      }
      node[name] ??= {};
      node = node[name];
      name = segment;
    }
    if (name !== "") {
      node[name] = value;
    }
  }
  return result;
}

export function response(code: any, obj: any): any[] {
  if (typeof code === "object") {
    obj = code;
    code = 200;
  }
  return [code, { "Content-Type": "application/json" }, obj];
}

export function success(): any[] {
  return response(200, { success: true });
}

export function OK(resp: {} = { success: true }, headers: {} = {}): {}[] {
  return [200, headers, resp];
}

export const unexpectedRequests: string[] = [];

const pretender = new Pretender();
pretender.prepareBody = (body: unknown) =>
  typeof body === "object" ? JSON.stringify(body) : (body as string);
// Answered at once with a 404, so the code under test settles and the test fails on the
// recorded request instead of timing out.
pretender.unhandledRequest = (verb: string, path: string, request: any) => {
  unexpectedRequests.push(`${verb} ${path}`);
  request.respond(
    404,
    { "Content-Type": "application/json" },
    JSON.stringify({ errors: [`no test handler for ${verb} ${path}`] })
  );
};

export function pretenderHelpers(): {
  parsePostData: typeof parsePostData;
  response: typeof response;
  success: typeof success;
} {
  return { parsePostData, response, success };
}

export function applyDefaultHandlers(): void {}

export function resetPretender(): void {
  const instance = pretender as any;
  instance.handlers = [];
  instance.handledRequests = [];
  instance.unhandledRequests = [];
  instance.passthroughRequests = [];
  instance.hosts.registries = {};
  unexpectedRequests.length = 0;
}

export const fixturesByUrl = {};
export { TOO_MANY_REQUESTS } from "../../lib/ajax-error";

export default pretender;
