"use client";

import { useQuery } from "@tanstack/react-query";

import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { isFailedStatus } from "@/lib/job-status";
import { jobQuery } from "@/lib/queries/job";

import { failureSummary } from "./rows";

/**
 * Why a failed job failed, in a line under its name: the status code and the
 * start of the message. ListAudienceGenerationJobs does not return a job's
 * status details, so each failed row reads its job (GetAudienceGenerationJob,
 * through the same query as the job's page, which then opens with it). A
 * failed job does not change by itself: it is read once and not polled.
 */
export function FailureReason({
  arn,
  status,
}: {
  arn: string;
  status: AudienceGenerationJobStatus;
}) {
  const failed = isFailedStatus(status);
  const job = useQuery({ ...jobQuery(arn), enabled: failed, staleTime: Infinity });
  if (!failed) return null;
  // The details must be about this failure: a job read before it failed says nothing yet.
  const details = job.data?.status === status ? job.data.statusDetails : undefined;
  const summary = details && failureSummary(details);
  if (!summary) return null;
  return (
    <p
      className="mt-0.5 line-clamp-2 text-xs break-words text-red-800"
      title={[details.statusCode, details.message].filter(Boolean).join(": ")}
      data-failure-reason
    >
      {summary}
    </p>
  );
}
