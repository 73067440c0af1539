"use client";

import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useMemo } from "react";

import { JOB_TAGS_BATCH, jobTagsQuery } from "@/lib/queries/jobs";
import type { JobSummaryData, JobTagsData } from "@/lib/reads/jobs";

/** The batches' answers as one (stable while they do not change: `useQueries` memoizes it). */
function combine(results: UseQueryResult<JobTagsData>[]) {
  const tags = new Map<string, Record<string, string>>();
  let unreadable = 0;
  for (const result of results) {
    if (!result.data) continue;
    for (const [arn, value] of Object.entries(result.data.tags)) tags.set(arn, value);
    unreadable += result.data.unreadable.length;
  }
  const failed = results.filter((r) => r.isError && !r.data);
  return {
    tagsOf: (arn: string): Record<string, string> | undefined => tags.get(arn),
    /** Jobs whose tags are read, or known to be unreadable (deleted since, say). */
    read: tags.size + unreadable,
    unreadable,
    error: failed[0]?.error ?? undefined,
    retry: () => failed.forEach((r) => void r.refetch()),
  };
}

/**
 * The loaded jobs' tags, read only while `enabled` (a tag filter or "started
 * by me" is on): the summaries of ListAudienceGenerationJobs carry none, so
 * they are asked for in batches of {@link JOB_TAGS_BATCH} (`/api/jobs/tags`,
 * cached on the server), a query per batch, so a newly loaded page adds
 * batches and the ones read stay.
 */
export function useJobTags(rows: readonly JobSummaryData[], enabled: boolean) {
  const batches = useMemo(() => {
    const out: string[][] = [];
    for (let i = 0; i < rows.length; i += JOB_TAGS_BATCH)
      out.push(rows.slice(i, i + JOB_TAGS_BATCH).map((row) => row.audienceGenerationJobArn));
    return out;
  }, [rows]);
  const tags = useQueries({
    queries: enabled ? batches.map((batch) => jobTagsQuery(batch)) : [],
    combine,
  });
  return { ...tags, total: enabled ? rows.length : 0 };
}
