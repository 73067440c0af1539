"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type RefObject } from "react";

import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { isFailedStatus } from "@/lib/job-status";
import { jobQuery } from "@/lib/queries/job";

import { failureSummary } from "./rows";

/** True once the element has come near the viewport (at once where the browser cannot tell). */
function useNearViewport(ref: RefObject<HTMLElement | null>, active: boolean): boolean {
  // Without IntersectionObserver (old browsers, tests) every row counts as near.
  const [near, setNear] = useState(() => typeof IntersectionObserver === "undefined");
  useEffect(() => {
    const element = ref.current;
    if (!active || near || !element) return;
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) setNear(true);
      },
      { rootMargin: "400px 0px" },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, active, near]);
  return near;
}

/**
 * Why a failed job failed, in a line under its name: the status code and the
 * start of the message. ListAudienceGenerationJobs does not return a job's
 * status details, so a failed row reads its job (GetAudienceGenerationJob,
 * through the same query as the job's page, which then opens with it) once it
 * comes near the screen, so a long list of failures costs a read per row seen,
 * not per row loaded. A failed job does not change by itself: it is read once
 * and not polled.
 */
export function FailureReason({
  arn,
  status,
}: {
  arn: string;
  status: AudienceGenerationJobStatus;
}) {
  const failed = isFailedStatus(status);
  const ref = useRef<HTMLSpanElement>(null);
  const near = useNearViewport(ref, failed);
  const job = useQuery({ ...jobQuery(arn), enabled: failed && near, staleTime: Infinity });
  if (!failed) return null;
  // The details must be about this failure: a job read before it failed says nothing yet.
  const details = job.data?.status === status ? job.data.statusDetails : undefined;
  const summary = details && failureSummary(details);
  return (
    <span ref={ref} className="block">
      {summary && (
        <span
          className="mt-0.5 line-clamp-2 block text-xs break-words text-red-800"
          title={[details.statusCode, details.message].filter(Boolean).join(": ")}
          data-failure-reason
        >
          {summary}
        </span>
      )}
    </span>
  );
}
