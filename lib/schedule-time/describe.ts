/**
 * A schedule in words and its next run, for the pages. Pure, browser-safe.
 */
import { describeScheduleExpression, nextFireTimes } from "@/lib/schedule-time/expression";

import { cadenceFromExpression, cadenceInWords } from "./cadence";

/** "Every week on Monday at 09:00 (Europe/Paris)": our words for the shapes the form writes, AWS's expression in words otherwise. */
export function scheduleInWords(expression: string, timezone: string): string {
  const words = cadenceInWords(cadenceFromExpression(expression));
  return words ? `${words} (${timezone})` : describeScheduleExpression(expression, timezone);
}

/** When a schedule next runs after `now`: undefined when paused or when it never runs again. */
export function nextRunOf(
  schedule: {
    state: string;
    expression: string;
    timezone: string;
    startDate?: string;
    endDate?: string;
  },
  now: Date,
): Date | undefined {
  if (schedule.state !== "ENABLED") return undefined;
  return nextFireTimes(schedule.expression, {
    timezone: schedule.timezone,
    after: now,
    count: 1,
    startDate: schedule.startDate ? new Date(schedule.startDate) : undefined,
    endDate: schedule.endDate ? new Date(schedule.endDate) : undefined,
  })[0];
}
