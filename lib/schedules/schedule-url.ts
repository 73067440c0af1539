import { SCHEDULE_NAME_PATTERN } from "@/lib/schemas/schedule";

/**
 * A schedule's page is `/schedules/<name>`: the dashboard's schedules live
 * in the account's `default` group of the region it is pointed at, so the
 * name alone opens the same schedule in any teammate's browser.
 */
export function schedulePath(name: string): string {
  return `/schedules/${encodeURIComponent(name)}`;
}

/** The schedule name a page's route segment names, or undefined when it cannot name one. */
export function scheduleNameFromPath(segment: string): string | undefined {
  let name: string;
  try {
    name = decodeURIComponent(segment);
  } catch {
    return undefined;
  }
  return name.length <= 64 && SCHEDULE_NAME_PATTERN.test(name) ? name : undefined;
}
