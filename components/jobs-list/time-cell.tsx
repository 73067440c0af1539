"use client";

import { createContext, useContext, useEffect, useState, type ReactNode } from "react";

import { useHydrated } from "@/components/ui/use-hydrated";
import { formatRelative, formatTimeTitle } from "@/lib/format";

/**
 * One clock for the whole table: a list of thousands of rows keeps one timer,
 * not one per cell. It ticks every 10 s while any shown time is under a minute
 * old ("12 seconds ago"), every 30 s otherwise.
 */
const NowContext = createContext<number | undefined>(undefined);

export function TableClock({ newest, children }: { newest: number; children: ReactNode }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const fresh = Date.now() - newest < 60_000;
    const id = setInterval(() => setNow(Date.now()), fresh ? 10_000 : 30_000);
    return () => clearInterval(id);
  }, [newest, now]);
  return <NowContext.Provider value={now}>{children}</NowContext.Provider>;
}

/**
 * "3 minutes ago", with the reader's own time, UTC and the exact ISO time on
 * hover (UTC only until hydrated: the server cannot know the reader's zone).
 */
export function TimeCell({ date }: { date: string }) {
  const contextNow = useContext(NowContext);
  const [fallbackNow] = useState(() => Date.now());
  const hydrated = useHydrated();
  return (
    <time
      dateTime={date}
      title={formatTimeTitle(date, hydrated ? undefined : "UTC")}
      suppressHydrationWarning
    >
      {formatRelative(date, contextNow ?? fallbackNow)}
    </time>
  );
}
