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
