/**
 * "Who did it": tags of our own that the dashboard sets on a job when a
 * signed-in person starts it, exports it or changes its tags. Safe for the
 * browser (the job page reads them); only the server actions write them.
 */
import { TAG_VALUE_MAX_LENGTH } from "./limits";

/** Our tag namespace: the dashboard writes these keys and nothing else may. */
export const DASHBOARD_TAG_PREFIX = "dashboard:";
/** The person who started the job from the dashboard. */
export const STARTED_BY_TAG = "dashboard:started-by";
/** The person who last asked for an export of the job's audience. */
export const EXPORTED_BY_TAG = "dashboard:exported-by";
/** The person who last changed the job's tags. */
export const TAGS_CHANGED_BY_TAG = "dashboard:tags-changed-by";
/**
 * The EventBridge Scheduler schedule that started the job (its name): set on
 * every run of a schedule written by the dashboard, read by the schedule's
 * history and the cost totals.
 */
export const SCHEDULE_TAG = "dashboard:schedule";

export function isDashboardTag(key: string): boolean {
  return key.toLowerCase().startsWith(DASHBOARD_TAG_PREFIX);
}

/**
 * A person's identity as a tag value: the characters AWS allows in tag values
 * (letters, digits, spaces and `_ . : / = + - @`), at most the value limit.
 */
export function whoTagValue(identity: string): string {
  const cleaned = identity.replace(/[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu, "").trim();
  return [...cleaned].slice(0, TAG_VALUE_MAX_LENGTH).join("") || "unknown";
}

/** Who started, exported and re-tagged a job, from its tags. */
export function whoDidIt(tags: Record<string, string> | undefined): {
  startedBy?: string;
  exportedBy?: string;
  tagsChangedBy?: string;
} {
  return {
    startedBy: tags?.[STARTED_BY_TAG],
    exportedBy: tags?.[EXPORTED_BY_TAG],
    tagsChangedBy: tags?.[TAGS_CHANGED_BY_TAG],
  };
}

/**
 * A job's tags with the person recorded under `key`: tags in our namespace
 * that came from elsewhere (a cloned job's, a caller's) are dropped, then the
 * person is added when there is one (none in the local no-sign-in mode).
 */
export function recordWho(
  tags: Record<string, string> | undefined,
  key: string,
  identity: string | undefined,
): Record<string, string> | undefined {
  const kept = Object.entries(tags ?? {}).filter(([k]) => !isDashboardTag(k));
  if (identity !== undefined) kept.push([key, whoTagValue(identity)]);
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

/** The message for a request that tries to set or remove one of our tags itself. */
export const DASHBOARD_TAG_REFUSED = `Tags starting with ${DASHBOARD_TAG_PREFIX} record who did what; the dashboard sets them itself`;
