/**
 * How many tags a new job will carry, counted as the service counts them
 * against `TAGS_MAX`: the tags the job inherits from its configured model
 * (when the model's `childResourceTagOnCreatePolicy` is `FROM_PARENT_RESOURCE`,
 * the service copies the model's tags onto the job), the dashboard's own
 * who-did-it tag (when sign-in is on) and the tags typed in the form, each key
 * once. The form's schema, its tag counter and the start-job action all count
 * with this module, so the limit is met in the form, never as the service's
 * refusal. Plain data, no zod: the form's counter imports it.
 */
import { STARTED_BY_TAG } from "@/lib/schemas/dashboard-tags";

import { TAGS_MAX } from "./limits";

/** The tags a job gets beyond the ones typed in the form. */
export interface TagsBeyondForm {
  /** Copied from the configured model by the service. */
  inherited: Record<string, string>;
  /** The dashboard's own keys, added by the start action (`dashboard:started-by` when signed in). */
  dashboard: readonly string[];
}

export const NO_TAGS_BEYOND_FORM: TagsBeyondForm = { inherited: {}, dashboard: [] };

/** The tags the service copies from a configured model onto each job started with it. */
export function inheritedTags(
  model: { tags?: Record<string, string>; childResourceTagOnCreatePolicy?: string } | undefined,
): Record<string, string> {
  return model?.childResourceTagOnCreatePolicy === "FROM_PARENT_RESOURCE" ? { ...model.tags } : {};
}

/** What a job started by this person with this model gets beyond the form's tags. */
export function tagsBeyondForm(
  model: Parameters<typeof inheritedTags>[0],
  signedIn: boolean,
): TagsBeyondForm {
  return { inherited: inheritedTags(model), dashboard: signedIn ? [STARTED_BY_TAG] : [] };
}

/** How the job's tags add up: the form's own, the model's not overridden by them, and the dashboard's. */
export function jobTagCount(
  formKeys: readonly string[],
  beyond: TagsBeyondForm,
): { total: number; form: number; inherited: number; dashboard: number } {
  const form = new Set(formKeys);
  const dashboard = beyond.dashboard.filter((key) => !form.has(key));
  const inherited = Object.keys(beyond.inherited).filter(
    (key) => !form.has(key) && !dashboard.includes(key),
  );
  return {
    total: form.size + inherited.length + dashboard.length,
    form: form.size,
    inherited: inherited.length,
    dashboard: dashboard.length,
  };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** The tag limit in words when the job's tags would pass it, undefined when they fit. */
export function tagLimitMessage(
  formKeys: readonly string[],
  beyond: TagsBeyondForm,
): string | undefined {
  const count = jobTagCount(formKeys, beyond);
  if (count.total <= TAGS_MAX) return undefined;
  if (count.inherited === 0 && count.dashboard === 0) return `At most ${TAGS_MAX} tags are allowed`;
  const parts = [`${count.form} here`];
  if (count.inherited > 0) parts.push(`${count.inherited} inherited from the model`);
  if (count.dashboard > 0)
    parts.push(`${count.dashboard} the dashboard adds to record who started it`);
  const last = parts.pop()!;
  return `A job can have at most ${TAGS_MAX} tags, and this one would have ${count.total} (${parts.join(", ")} and ${last}): remove ${plural(count.total - TAGS_MAX, "tag", "tags")}`;
}
