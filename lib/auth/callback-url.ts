/**
 * Where sign-in may send someone afterwards: only a page of this dashboard.
 * Pure, so the sign-in page and the tests share it.
 */

/** A stand-in origin: a callback is resolved against it, as a browser would against the dashboard's. */
const OWN_ORIGIN = "https://dashboard.invalid";

/**
 * The path (with query and fragment) a `callbackUrl` names on this site, or
 * "/" for anything that would leave it. The value is resolved the way a
 * browser resolves it (which drops tabs and line breaks and reads `\` as `/`),
 * so `/%09/evil.example`, `/\evil.example`, `//evil.example`,
 * `https://evil.example` and `javascript:` all come back as "/".
 */
export function safeCallbackPath(value: string | undefined): string {
  if (!value) return "/";
  let url: URL;
  try {
    url = new URL(value, OWN_ORIGIN);
  } catch {
    return "/";
  }
  if (url.origin !== OWN_ORIGIN) return "/";
  const path = url.pathname + url.search + url.hash;
  // What URL normalised can still start with "//" (e.g. "/.//evil"): a browser would read that as a host.
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}

/**
 * next-auth's `redirect` callback: every `callbackUrl` next-auth reads (the
 * query, a posted form, its callback cookie) passes through it before use.
 * The URL on this dashboard it names, or the dashboard's root for anything
 * else, a value that is not a URL included: next-auth's own default throws
 * on one, which answered 500 with a stack trace.
 */
export function safeCallbackUrl({ url, baseUrl }: { url: string; baseUrl: string }): string {
  let own: URL;
  let resolved: URL;
  try {
    own = new URL(baseUrl);
    resolved = new URL(url, own);
  } catch {
    return baseUrl;
  }
  if (resolved.origin !== own.origin) return own.origin;
  return own.origin + safeCallbackPath(resolved.pathname + resolved.search + resolved.hash);
}

/** Whether next-auth can read a callback URL at all (its rule: a path, or an http(s) URL; 500 otherwise). */
function isReadable(value: string): boolean {
  try {
    const url = new URL(value, value.startsWith("/") ? OWN_ORIGIN : undefined);
    return url.protocol === "https:" || url.protocol === "http:";
  } catch {
    return false;
  }
}

/**
 * A request to next-auth (`/api/auth/*`) cleaned before next-auth sees it,
 * which checks its `callbackUrl` itself and answers 500 (with a stack trace
 * on the log) for one that is not a URL: the query's `callbackUrl` becomes
 * the safe path it names ({@link safeCallbackPath}), and a callback cookie
 * next-auth could not read is dropped from `headers`. The URL to rewrite the
 * request to, or undefined when the query needed no change.
 */
export function cleanNextAuthRequest(url: URL, headers: Headers): URL | undefined {
  const cookie = headers.get("cookie");
  if (cookie) {
    const kept = cookie
      .split(/;\s*/)
      .filter((pair) => {
        const at = pair.indexOf("=");
        if (!/^(__Secure-)?next-auth\.callback-url$/.test(pair.slice(0, at).trim())) return true;
        let value: string;
        try {
          value = decodeURIComponent(pair.slice(at + 1));
        } catch {
          return false;
        }
        return isReadable(value);
      })
      .join("; ");
    if (kept !== cookie) headers.set("cookie", kept);
  }
  const given = url.searchParams.get(CALLBACK_URL_PARAM);
  if (given === null) return undefined;
  const safe = safeCallbackPath(given);
  if (safe === given) return undefined;
  const cleaned = new URL(url);
  cleaned.searchParams.set(CALLBACK_URL_PARAM, safe);
  return cleaned;
}

/** The query parameter (and form field) in which next-auth takes where to go after sign-in. */
export const CALLBACK_URL_PARAM = "callbackUrl";
