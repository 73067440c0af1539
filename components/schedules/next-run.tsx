"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { formatAbsolute, formatRelative } from "@/lib/format";
import { nextRunOf } from "@/lib/schedule-time/describe";

/**
 * The schedule's next run in the reader's own time (UTC on the server's
 * first paint, which cannot know the reader's zone), with how far off it is.
 */
export function NextRun({
  schedule,
  renderedAt,
}: {
  schedule: Parameters<typeof nextRunOf>[0];
  /** The server's "now" for the first paint, so hydration matches. */
  renderedAt: string;
}) {
  const hydrated = useHydrated();
  const now = hydrated ? new Date() : new Date(renderedAt);
  if (schedule.state !== "ENABLED") return <span className="text-slate-500">Paused</span>;
  const next = nextRunOf(schedule, now);
  if (!next) return <span className="text-slate-500">No more runs</span>;
  return (
    <span className="block">
      <time dateTime={next.toISOString()} className="text-slate-900">
        {formatAbsolute(next, hydrated ? undefined : "UTC")}
      </time>
      <span className="block text-xs text-slate-500">{formatRelative(next, now.getTime())}</span>
    </span>
  );
}
