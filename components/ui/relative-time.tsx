"use client";

import { useEffect, useState } from "react";

import { formatRelative, formatTimeTitle } from "@/lib/format";

import { useHydrated } from "./use-hydrated";

/**
 * "3 minutes ago", kept current, with the reader's own time, UTC and the exact
 * ISO time on hover (UTC only until hydrated).
 */
export function RelativeTime({ date, className }: { date: Date | string; className?: string }) {
  const iso = typeof date === "string" ? date : date.toISOString();
  const [now, setNow] = useState(() => Date.now());
  const hydrated = useHydrated();
  useEffect(() => {
    const age = Math.abs(Date.now() - new Date(iso).getTime());
    const id = setInterval(() => setNow(Date.now()), age < 60_000 ? 1_000 : 30_000);
    return () => clearInterval(id);
  }, [iso, now]);
  return (
    <time
      dateTime={iso}
      title={formatTimeTitle(iso, hydrated ? undefined : "UTC")}
      className={className}
      suppressHydrationWarning
    >
      {formatRelative(iso, now)}
    </time>
  );
}
