import { queryOptions } from "@tanstack/react-query";

import { fetchJson } from "@/lib/fetch-json";
import type { ExportJobData } from "@/lib/reads/exports";

export const exportsQueryKey = (jobArn: string) => ["audience-export-jobs", jobArn] as const;

/** Every export job of one audience generation job, newest first (`GET /api/exports?jobArn=`). */
export const exportsQuery = (jobArn: string) =>
  queryOptions({
    queryKey: exportsQueryKey(jobArn),
    queryFn: ({ signal }) =>
      fetchJson<ExportJobData[]>(`/api/exports?jobArn=${encodeURIComponent(jobArn)}`, { signal }),
  });
