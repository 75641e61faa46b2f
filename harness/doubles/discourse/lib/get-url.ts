// Double of `discourse/lib/get-url`: a forum at the site root (no subfolder, no CDN).
export default function getURL(url: any): any {
  return url;
}

export function getURLWithCDN(url: any): any {
  return url;
}

export function getAbsoluteURL(path: any): any {
  return `${window.location.origin}${path}`;
}

export function isAbsoluteURL(url: any): any {
  return /^https?:\/\//.test(String(url));
}

export function withoutPrefix(path: any): any {
  return path;
}

export function samePrefix(url: any): any {
  return !isAbsoluteURL(url) || String(url).startsWith(window.location.origin);
}
