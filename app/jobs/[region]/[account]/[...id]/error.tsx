"use client";

import {
  errorDigest,
  useLogError,
  type ErrorBoundaryProps,
} from "@/components/layout/error-boundary";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";

/** Any failure other than "not found" while reading the job: say so, offer to try again; the navigation stays. */
export default function JobError({ error, retry }: ErrorBoundaryProps) {
  useLogError(error);
  const digest = errorDigest(error);

  return (
    <section
      role="alert"
      className="mx-auto max-w-xl rounded-lg border border-red-200 bg-white px-6 py-10 text-center shadow-xs"
    >
      <h1 className="text-2xl font-semibold text-slate-900">This job could not be loaded</h1>
      <p className="mt-2 text-sm text-slate-600">
        The dashboard could not read the job from Clean Rooms ML. The service may be busy or
        unreachable; trying again usually helps.
      </p>
      {/* slate-600 on white: 7:1, above the 4.5:1 small text needs (e2e/accessibility.spec.ts). */}
      {digest && <p className="mt-2 font-mono text-xs text-slate-600">Reference: {digest}</p>}
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <Button onClick={() => retry()}>Try again</Button>
        <Link
          href="/"
          className="inline-flex min-h-9 items-center rounded-md px-3.5 py-2 text-sm font-medium text-slate-700 hover:bg-slate-100"
        >
          Back to all jobs
        </Link>
      </div>
    </section>
  );
}
