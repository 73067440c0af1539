"use client";

import { useSyncExternalStore } from "react";

import { RelativeTime } from "@/components/ui/relative-time";
import { formatAbsolute } from "@/lib/format";

const noSubscribe = () => () => {};

/** True once hydrated: the server renders in UTC, the browser then switches to the reader's own time zone. */
function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}

/** "Nov 27, 2026, 9:41:07 PM GMT+1 · 3 minutes ago": absolute with the time zone, and relative. */
export function Timestamp({ date }: { date: string }) {
  const hydrated = useHydrated();
  return (
    <span className="block">
      <time dateTime={date} className="text-slate-900">
        {hydrated ? formatAbsolute(date) : formatAbsolute(date, "UTC")}
      </time>
      <span className="block text-xs text-slate-500">
        <RelativeTime date={date} />
      </span>
    </span>
  );
}
