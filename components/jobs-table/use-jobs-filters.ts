"use client";

import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";

import { jobsListHref, parseJobsFilters, type JobsFilters } from "@/lib/jobs-filters";

/**
 * The list's filters, read from the URL and written back to it.
 *
 * Writes use the browser's own `history.pushState` / `replaceState`, which
 * Next.js folds into its router (`useSearchParams` follows them): the view
 * changes at once with no server round trip, each filter change is a history
 * entry (back/forward restore the view), and typing in the search box
 * replaces the current entry instead of adding one per key. A full load or
 * a pasted link renders the same view on the server.
 */
export function useJobsFilters() {
  const searchParams = useSearchParams();
  const { filters, notes } = useMemo(() => parseJobsFilters(new URLSearchParams(searchParams.toString())), [searchParams]);

  const setFilters = useCallback((next: JobsFilters, history: "push" | "replace" = "push") => {
    const href = jobsListHref(next);
    if (href === `${window.location.pathname}${window.location.search}`) return;
    if (history === "push") window.history.pushState(null, "", href);
    else window.history.replaceState(null, "", href);
  }, []);

  return { filters, notes, setFilters };
}
