"use client";

import { useEffect, useState } from "react";

/** "Updated 12 s ago": how fresh the page's copy of the job is, ticking every second. */
export function UpdatedAgo({ updatedAt, refreshing }: { updatedAt: number; refreshing: boolean }) {
  const [now, setNow] = useState<number | undefined>(undefined);
  useEffect(() => {
    const tick = () => setNow(Date.now());
    tick();
    const id = setInterval(tick, 1000);
    return () => clearInterval(id);
  }, []);
  const seconds = now === undefined ? 0 : Math.max(0, Math.round((now - updatedAt) / 1000));
  return (
    <span className="text-xs text-slate-500 tabular-nums" data-testid="updated-ago">
      {/* Server and first client render agree; the live state shows once mounted. */}
      {refreshing && now !== undefined ? "Refreshing…" : `Updated ${formatAge(seconds)} ago`}
    </span>
  );
}

function formatAge(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h`;
}
