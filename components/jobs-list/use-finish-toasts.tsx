"use client";

import { useCallback, useMemo, useState } from "react";

import { Link } from "@/components/ui/link";
import type { ToastMessage } from "@/components/ui/toast";
import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { isFailedStatus, jobStatusFacts } from "@/lib/job-status";
import { jobPath } from "@/lib/job-url";
import { newlyFinished } from "@/lib/notifications";
import type { JobSummaryData } from "@/lib/reads/jobs";

import { statusKeyOf } from "./rows";

/**
 * A visible toast for each loaded job that reaches a final status while the
 * list is open ("Spring sale finished: Active"), beside the screen-reader
 * announcement of `useStatusAnnouncement`. Jobs already final when the list
 * opened, or first loaded later, make none.
 */
export function useFinishToasts(rows: readonly JobSummaryData[]) {
  // Made again only when the rows do: a keystroke in the search leaves them as they are.
  const statusKey = useMemo(() => statusKeyOf(rows), [rows]);
  const [seen, setSeen] = useState(() => ({ key: statusKey, rows }));
  const [toasts, setToasts] = useState<ToastMessage[]>([]);
  if (seen.key !== statusKey) {
    const before = new Map<string, AudienceGenerationJobStatus>(
      seen.rows.map((job) => [job.audienceGenerationJobArn, job.status]),
    );
    const finished = newlyFinished(
      before,
      rows.map((job) => ({
        arn: job.audienceGenerationJobArn,
        name: job.name,
        status: job.status,
      })),
    );
    setSeen({ key: statusKey, rows });
    if (finished.length > 0) {
      setToasts((current) => [
        ...current.filter((toast) => !finished.some((job) => job.arn === toast.id)),
        ...finished.map((job) => ({
          id: job.arn,
          tone: isFailedStatus(job.status) ? ("danger" as const) : ("success" as const),
          children: (
            <p>
              <Link href={jobPath(job.arn)} className="font-medium text-indigo-700 hover:underline">
                {job.name}
              </Link>{" "}
              finished: {jobStatusFacts(job.status).label}.
            </p>
          ),
        })),
      ]);
    }
  }
  const dismiss = useCallback(
    (id: string) => setToasts((current) => current.filter((toast) => toast.id !== id)),
    [],
  );
  return { toasts, dismiss };
}
