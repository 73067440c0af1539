/**
 * A universal target's Input names the API's request members in PascalCase
 * (`Name`, `SeedAudience`, `DataSource`, `S3Uri`), whatever the service's own
 * JSON calls them (Clean Rooms ML's are camelCase), as EventBridge Scheduler
 * writes every universal target ("Using universal targets"). The values, the
 * order and map keys (tags, SQL parameters, Spark properties) are the
 * request's own. Pure, browser-safe; see docs/ARCHITECTURE.md, "Schedules".
 */

/** Members of the StartAudienceGenerationJob request whose values are maps: their keys are data, not members. */
const MAP_MEMBERS = new Set(["tags", "parameters", "spark"]);

const upper = (key: string) => `${key.charAt(0).toUpperCase()}${key.slice(1)}`;
const lower = (key: string) => `${key.charAt(0).toLowerCase()}${key.slice(1)}`;

function rename(
  value: unknown,
  name: (key: string) => string,
  isMap: (key: string) => boolean,
): unknown {
  if (Array.isArray(value)) return value.map((item) => rename(item, name, isMap));
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, member] of Object.entries(value)) {
    out[name(key)] = isMap(key) ? member : rename(member, name, isMap);
  }
  return out;
}

/** A request as the API's JSON names it → as a universal target's Input names it. */
export function toUniversalMembers(request: unknown): unknown {
  return rename(request, upper, (key) => MAP_MEMBERS.has(key));
}

/** A universal target's Input → the request as the API's JSON names it. */
export function fromUniversalMembers(input: unknown): unknown {
  return rename(input, lower, (key) => MAP_MEMBERS.has(lower(key)));
}
