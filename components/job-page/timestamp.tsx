"use client";

import { RelativeTime } from "@/components/ui/relative-time";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatAbsolute, formatIso, formatTimeTitle } from "@/lib/format";

/**
 * "Nov 27, 2026, 9:41:07 PM GMT+1 · 3 minutes ago", then UTC and the exact ISO
 * time: the reader's own time first. The server renders in UTC (it cannot know
 * the reader's zone); the browser switches once hydrated.
 */
export function Timestamp({ date }: { date: string }) {
  const hydrated = useHydrated();
  const zone = hydrated ? undefined : "UTC";
  const local = formatAbsolute(date, zone);
  const utc = formatAbsolute(date, "UTC");
  return (
    <span className="block">
      <time dateTime={date} title={formatTimeTitle(date, zone)} className="text-slate-900">
        {local}
      </time>
      <span className="block text-xs text-slate-500">
        <RelativeTime date={date} />
      </span>
      <span className="block text-xs text-slate-500" data-exact-time>
        {local !== utc && <>{utc} · </>}
        <span className="font-mono break-all">{formatIso(date)}</span>
      </span>
    </span>
  );
}
