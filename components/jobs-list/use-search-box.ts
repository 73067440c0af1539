"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { jobPath } from "@/lib/job-url";
import type { JobsFilters } from "@/lib/jobs-filters";
import { AUDIENCE_GENERATION_JOB_ARN_PATTERN } from "@/lib/schemas/limits";

/**
 * The search box's own text: typing is never held back by the URL catching
 * up. When the URL's search changes otherwise (back/forward, a link, "clear
 * filters"), the box follows it. A pasted job ARN opens that job instead.
 */
export function useSearchBox(
  filters: JobsFilters,
  setFilters: (next: JobsFilters, history?: "push" | "replace") => void,
) {
  const router = useRouter();
  const [search, setSearch] = useState(filters.q);
  const [urlSearch, setUrlSearch] = useState(filters.q);
  if (filters.q !== urlSearch) {
    setUrlSearch(filters.q);
    if (filters.q !== search) setSearch(filters.q);
  }
  /** The job ARN being opened, while its page loads. */
  const [opening, setOpening] = useState<string>();

  function onSearchChange(value: string) {
    setSearch(value);
    const trimmed = value.trim();
    if (AUDIENCE_GENERATION_JOB_ARN_PATTERN.test(trimmed)) {
      // A pasted job ARN opens that job; the list's URL keeps its previous search so "back" returns here.
      setOpening(trimmed);
      router.push(jobPath(trimmed));
      return;
    }
    setOpening(undefined);
    setFilters({ ...filters, q: value }, "replace");
  }

  function clear() {
    setSearch("");
    setOpening(undefined);
  }

  return { search, opening, onSearchChange, clear };
}
