"use client";

import { useSearchParams } from "next/navigation";
import { startTransition, useCallback, useMemo, useOptimistic } from "react";

import {
  jobsListHref,
  parseJobsFilters,
  type JobsFilters,
  type JobsViewer,
} from "@/lib/jobs-filters";

/**
 * The list's filters, read from the URL and written back to it.
 *
 * Writes use the browser's own `history.pushState` / `replaceState`, which
 * Next.js folds into its router (`useSearchParams` follows them): the view
 * changes with no server round trip, each filter change is a history entry
 * (back/forward restore the view), and typing in the search box replaces the
 * current entry instead of adding one per key. A full load or a pasted link
 * renders the same view on the server.
 *
 * The router applies a URL change in a transition; until it lands, the new
 * filters are shown optimistically, so a checkbox never springs back.
 * `viewer`: who is looking ("Started by me" applies only with sign-in).
 */
export function useJobsFilters(viewer: JobsViewer) {
  const searchParams = useSearchParams();
  const { startedBy } = viewer;
  const parsed = useMemo(
    () => parseJobsFilters(new URLSearchParams(searchParams.toString()), { startedBy }),
    [searchParams, startedBy],
  );
  const [filters, setOptimisticFilters] = useOptimistic(parsed.filters);

  const setFilters = useCallback(
    (next: JobsFilters, history: "push" | "replace" = "push") => {
      const href = jobsListHref(next);
      if (href === `${window.location.pathname}${window.location.search}`) return;
      startTransition(() => {
        setOptimisticFilters(next);
        if (history === "push") window.history.pushState(null, "", href);
        else window.history.replaceState(null, "", href);
      });
    },
    [setOptimisticFilters],
  );

  return { filters, notes: parsed.notes, setFilters };
}
