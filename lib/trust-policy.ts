/**
 * Whether an IAM role's trust policy lets a service assume it. IAM returns
 * `AssumeRolePolicyDocument` URL-encoded (RFC 3986); the policy's
 * `Statement`, `Principal.Service` and `Action` may each be one value or a
 * list. Only what the policy says outright counts: a statement with
 * conditions still counts (they usually narrow the source account), a `Deny`
 * or `NotPrincipal` does not.
 */
export const CLEANROOMS_ML_PRINCIPAL = "cleanrooms-ml.amazonaws.com";

const asList = (value: unknown): unknown[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function trustsService(document: string | undefined, service: string): boolean {
  if (!document) return false;
  let policy: unknown;
  try {
    const text = document.trimStart().startsWith("{") ? document : decodeURIComponent(document);
    policy = JSON.parse(text);
  } catch {
    return false;
  }
  if (!policy || typeof policy !== "object") return false;
  return asList((policy as { Statement?: unknown }).Statement).some((statement) => {
    if (!statement || typeof statement !== "object") return false;
    const s = statement as { Effect?: unknown; Principal?: unknown; Action?: unknown };
    if (s.Effect !== "Allow") return false;
    const principal = s.Principal;
    const services =
      principal && typeof principal === "object"
        ? asList((principal as { Service?: unknown }).Service)
        : [];
    const actions = asList(s.Action);
    return (
      services.includes(service) &&
      actions.some((a) => a === "sts:AssumeRole" || a === "sts:*" || a === "*")
    );
  });
}
