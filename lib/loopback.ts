const LOOPBACK_NAMES = new Set(["localhost", "ip6-localhost", "ip6-loopback"]);

/**
 * True for a host name or address that only this machine can reach
 * (127.0.0.0/8, ::1, localhost and its subdomains), bracketed IPv6 included.
 * The dashboard's no-sign-in rule and the local service's caller check both
 * ask it.
 */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  if (LOOPBACK_NAMES.has(h) || h.endsWith(".localhost")) return true;
  if (h === "::1" || h === "0:0:0:0:0:0:0:1") return true;
  const v4 = h.replace(/^::ffff:/, "");
  return /^127(\.\d{1,3}){3}$/.test(v4) && v4.split(".").every((part) => Number(part) <= 255);
}
