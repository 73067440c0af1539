"use client";

import { Alert } from "@/components/ui/alert";
import { Button, ButtonLink } from "@/components/ui/button";

export default function NewJobError({
  error,
  reset,
}: {
  error: Error & { digest?: string };
  reset: () => void;
}) {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">
        Start an audience job
      </h1>
      <Alert tone="danger" role="alert" title="The form could not be opened">
        <p>{error.message || "Something went wrong while preparing the form."}</p>
        {error.digest && <p className="mt-1 text-xs opacity-80">Reference: {error.digest}</p>}
      </Alert>
      <div className="flex flex-wrap gap-3">
        <Button onClick={reset}>Try again</Button>
        <ButtonLink href="/" variant="secondary">
          Back to jobs
        </ButtonLink>
      </div>
    </div>
  );
}
