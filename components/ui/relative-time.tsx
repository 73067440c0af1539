"use client";

import { useEffect, useState } from "react";

import { formatAbsolute, formatRelative } from "@/lib/format";

/** "3 minutes ago", kept current, with the absolute time (and zone) on hover and for machines. */
export function RelativeTime({ date, className }: { date: Date | string; className?: string }) {
  const iso = typeof date === "string" ? date : date.toISOString();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const age = Math.abs(Date.now() - new Date(iso).getTime());
    const id = setInterval(() => setNow(Date.now()), age < 60_000 ? 1_000 : 30_000);
    return () => clearInterval(id);
  }, [iso, now]);
  return (
    <time dateTime={iso} title={formatAbsolute(iso)} className={className} suppressHydrationWarning>
      {formatRelative(iso, now)}
    </time>
  );
}
