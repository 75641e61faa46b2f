// Double of `discourse/lib/ajax`: an XMLHttpRequest (so Pretender answers it), jQuery-style
// form encoding, JSON answers, and Discourse's rejection shape `{ jqXHR, textStatus,
// errorThrown }`. Registered with the test waiters so `settled()` waits for it, as in Discourse.
import { waitForPromise } from "@ember/test-waiters";

type AjaxSettings = {
  type?: string;
  method?: string;
  data?: unknown;
  contentType?: string | false;
  headers?: Record<string, string>;
};

function encodeParam(prefix: string, value: unknown, parts: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item) => encodeParam(`${prefix}[]`, item, parts));
  } else if (value !== null && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      encodeParam(`${prefix}[${key}]`, inner, parts);
    }
  } else {
    parts.push(
      `${encodeURIComponent(prefix)}=${encodeURIComponent(value == null ? "" : String(value))}`
    );
  }
}

export function formEncode(data: Record<string, unknown>): string {
  const parts: string[] = [];
  for (const [key, value] of Object.entries(data)) {
    encodeParam(key, value, parts);
  }
  return parts.join("&").replace(/%20/g, "+");
}

function send(url: string, settings: AjaxSettings): Promise<any> {
  const method = (settings.type ?? settings.method ?? "GET").toUpperCase();
  let body: string | null = null;
  let target = url;
  const headers: Record<string, string> = {
    Accept: "application/json",
    ...settings.headers,
  };

  if (settings.data !== undefined && settings.data !== null) {
    if (typeof settings.data === "string") {
      body = settings.data;
      if (settings.contentType) {
        headers["Content-Type"] = settings.contentType;
      }
    } else if (method === "GET") {
      const query = formEncode(settings.data as Record<string, unknown>);
      target += (target.includes("?") ? "&" : "?") + query;
    } else {
      body = formEncode(settings.data as Record<string, unknown>);
      headers["Content-Type"] =
        "application/x-www-form-urlencoded; charset=UTF-8";
    }
  }

  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, target);
    for (const [name, value] of Object.entries(headers)) {
      xhr.setRequestHeader(name, value);
    }
    xhr.onload = () => {
      let responseJSON: unknown;
      try {
        responseJSON = xhr.responseText
          ? JSON.parse(xhr.responseText)
          : undefined;
      } catch {
        responseJSON = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        resolve(responseJSON);
      } else {
        reject({
          jqXHR: {
            status: xhr.status,
            statusText: xhr.statusText,
            responseText: xhr.responseText,
            responseJSON,
            requestedUrl: target,
          },
          textStatus: "error",
          errorThrown: xhr.statusText,
        });
      }
    };
    xhr.onerror = () =>
      reject({
        jqXHR: { status: 0, statusText: "error" },
        textStatus: "error",
        errorThrown: "",
      });
    xhr.send(body);
  });
}

export function ajax(...args: any[]): Promise<any> {
  const [first, second] = args as [
    string | (AjaxSettings & { url: string }),
    AjaxSettings?,
  ];
  const url = typeof first === "string" ? first : first.url;
  const settings = typeof first === "string" ? (second ?? {}) : first;
  return waitForPromise(send(url, settings));
}
