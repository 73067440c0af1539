"use client";

import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { ErrorAlert } from "@/components/ui/error-alert";
import type { ActionError } from "@/lib/action-result";
import type { AudienceGenerationJobStatus, StatusDetails } from "@/lib/cleanrooms-ml";
import { isFailedStatus, jobStatusFacts } from "@/lib/job-status";

import { UpdatedAgo } from "./updated-ago";

const TONE_BORDER = {
  neutral: "border-l-slate-400",
  progress: "border-l-sky-500",
  success: "border-l-emerald-500",
  danger: "border-l-red-500",
} as const;

/**
 * Where the job stands: the status, what happens next in plain words, why it
 * failed (the stable status code and the service's message), and how fresh
 * this is. A status change is announced to screen readers.
 */
export function StatusPanel({
  status,
  statusDetails,
  updatedAt,
  refreshing,
  refreshError,
}: {
  status: AudienceGenerationJobStatus;
  statusDetails: StatusDetails | undefined;
  updatedAt: number;
  refreshing: boolean;
  refreshError: ActionError | undefined;
}) {
  const facts = jobStatusFacts(status);
  const failed = isFailedStatus(status);
  const hasDetails = Boolean(statusDetails?.statusCode || statusDetails?.message);

  // Announce changes only, not the status the page opened with.
  const [previous, setPrevious] = useState(status);
  const [announcement, setAnnouncement] = useState("");
  if (status !== previous) {
    setPrevious(status);
    setAnnouncement(`Job status changed to ${facts.label}. ${facts.explanation}`);
  }

  const tone = facts.tone;
  return (
    <section
      aria-label="Status"
      className={`rounded-lg border border-l-4 border-slate-200 bg-white px-4 py-3 shadow-xs sm:px-5 ${TONE_BORDER[tone]}`}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1">
        <p className="text-sm text-slate-800">
          <span className="font-medium">{facts.label}:</span> {facts.explanation}
        </p>
        <UpdatedAgo updatedAt={updatedAt} refreshing={refreshing} />
      </div>
      {hasDetails && (
        <Alert
          tone={failed ? "danger" : "info"}
          title={failed ? "Why it failed" : "Status details"}
          className="mt-3"
        >
          {statusDetails?.message && <p>{statusDetails.message}</p>}
          {statusDetails?.statusCode && (
            <p className="mt-1 text-xs">
              Status code: <code className="font-mono">{statusDetails.statusCode}</code>
            </p>
          )}
        </Alert>
      )}
      {failed && !hasDetails && (
        <p className="mt-3 text-sm text-slate-600">The service gave no reason for this failure.</p>
      )}
      {refreshError && (
        <ErrorAlert
          tone="warning"
          className="mt-3"
          title="Could not refresh the status"
          error={refreshError}
        >
          <span className="block text-xs">
            The page keeps trying; what you see may be out of date.
          </span>
        </ErrorAlert>
      )}
      <p role="status" aria-live="polite" className="sr-only">
        {announcement}
      </p>
    </section>
  );
}
