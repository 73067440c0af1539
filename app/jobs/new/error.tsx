"use client";

import { errorDigest, useLogError, type ErrorBoundaryProps } from "@/components/layout/error-boundary";
import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";

/** The form could not be prepared (the job to copy or the models failed unexpectedly): say so, read again on "Try again". */
export default function NewJobError({ error, retry }: ErrorBoundaryProps) {
  useLogError(error);
  const digest = errorDigest(error);
  const message = error instanceof Error ? error.message : "";
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        Start an audience job
      </h1>
      <Alert tone="danger" role="alert" title="The form could not be opened">
        <p>{message || "Something went wrong while preparing the form."}</p>
        {digest && <p className="mt-1 text-xs opacity-80">Reference: {digest}</p>}
      </Alert>
      <div className="flex flex-wrap gap-3">
        <Button onClick={() => retry()}>Try again</Button>
        <ButtonLink href="/" variant="secondary">
          Back to jobs
        </ButtonLink>
      </div>
    </div>
  );
}
