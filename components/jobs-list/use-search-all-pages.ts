"use client";

import { useEffect, useState } from "react";

/**
 * "Search all jobs": the service cannot filter by name or status, so on
 * request the list loads its remaining pages one after another, and the
 * loaded-rows search covers every job. It runs while `active` (a status or
 * name filter is on) and stops at the last page, at a failure (the list's
 * "Try again" resumes it), when the person presses Stop or clears the
 * search, and when they leave the list (nothing asks for a page once this
 * component is gone).
 */
export function useSearchAllPages(
  jobs: {
    hasNextPage: boolean;
    isFetchingNextPage: boolean;
    isFetchNextPageError: boolean;
    fetchNextPage: () => Promise<unknown>;
    /** Pages loaded: each new one asks for the next (a fast answer may never show as "fetching"). */
    data?: { pages: readonly unknown[] };
  },
  active: boolean,
) {
  const [on, setOn] = useState(false);
  if (on && !active) setOn(false);
  const running = on && active && jobs.hasNextPage && !jobs.isFetchNextPageError;
  const { isFetchingNextPage, fetchNextPage } = jobs;
  const pages = jobs.data?.pages.length ?? 0;
  useEffect(() => {
    if (running && !isFetchingNextPage) void fetchNextPage();
  }, [running, isFetchingNextPage, fetchNextPage, pages]);
  return { running, start: () => setOn(true), stop: () => setOn(false) };
}
