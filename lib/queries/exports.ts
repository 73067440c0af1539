import { queryOptions } from "@tanstack/react-query";

import { fetchJson } from "@/lib/fetch-json";
import type { ExportJobData, ExportRowData } from "@/lib/reads/exports";

export const exportsQueryKey = (jobArn: string) => ["audience-export-jobs", jobArn] as const;

/** Every export job of one audience generation job, newest first (`GET /api/exports?jobArn=`). */
export const exportsQuery = (jobArn: string) =>
  queryOptions({
    queryKey: exportsQueryKey(jobArn),
    queryFn: ({ signal }) =>
      fetchJson<ExportJobData[]>(`/api/exports?jobArn=${encodeURIComponent(jobArn)}`, { signal }),
  });

/** Every export of every job, newest first, and how many jobs' exports could not be listed (`GET /api/exports/all`). */
export const everyExportQuery = () =>
  queryOptions({
    queryKey: ["audience-export-jobs", "all"],
    queryFn: ({ signal }) =>
      fetchJson<{ rows: ExportRowData[]; unreadable: number }>("/api/exports/all", { signal }),
    staleTime: 30_000,
  });
