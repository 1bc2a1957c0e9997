// The one check on every redirect target read from a request (the login page's `callbackUrl`,
// next-auth's `redirect` callback): only a path on this site passes. Browsers read `/\evil`,
// `/<TAB>/evil` and `//evil` as another host, so a backslash, a control character or a second
// leading slash anywhere in the path refuses it, rather than trying to repair it.

const BASE = "http://same-origin.invalid";
/** A backslash or a control character (browsers drop tabs and newlines from URLs, then read `\\` as `/`). */
const UNSAFE = /[\\\u0000-\u001f\u007f]/;

/**
 * `raw` as a same-origin path (`/customers?page=2#top`), or null when it points anywhere else or
 * is not plainly a path. With `origin` (e.g. next-auth's baseUrl), absolute URLs on exactly that
 * origin are accepted too and returned as their path.
 */
export function sameOriginPath(raw: unknown, origin?: string): string | null {
  if (typeof raw !== "string" || raw.length === 0 || raw.length > 2048) return null;
  let candidate = raw;
  if (origin && !raw.startsWith("/")) {
    const o = new URL(origin).origin;
    if (raw !== o && !raw.startsWith(`${o}/`)) return null;
    candidate = raw.slice(o.length) || "/";
  }
  if (!candidate.startsWith("/") || UNSAFE.test(candidate)) return null;
  if (candidate.startsWith("//")) return null;
  // Percent-encoded tricks are judged after decoding, the way some servers and browsers read them.
  let decoded: string;
  try {
    decoded = decodeURIComponent(candidate);
  } catch {
    return null;
  }
  if (decoded.startsWith("//") || UNSAFE.test(decoded.split(/[?#]/)[0])) return null;
  const url = new URL(candidate, BASE);
  if (url.origin !== BASE) return null;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** For the login page and links: a same-origin path, else the home page. */
export function safeCallbackPath(raw: unknown): string {
  return sameOriginPath(raw) ?? "/";
}
