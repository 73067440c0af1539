"use client";

import {
  errorDigest,
  useLogError,
  type ErrorBoundaryProps,
} from "@/components/layout/error-boundary";
import { Button } from "@/components/ui/button";
import { Link } from "@/components/ui/link";

/**
 * A page failed in an unexpected way. The header stays (this sits inside the
 * layout); the message says what happened in plain words and "Try again"
 * renders the page anew. Service errors of the list itself are shown by the
 * list, with the service's own message; this is the last resort.
 */
export default function ErrorPage({ error, retry }: ErrorBoundaryProps) {
  useLogError(error);
  const digest = errorDigest(error);
  // Errors from the server arrive with a generic message in production; show ours then.
  const message =
    error instanceof Error && !digest && error.message
      ? error.message
      : "The dashboard failed while preparing this page. It may be a passing problem with the Clean Rooms ML service.";

  return (
    <div
      role="alert"
      className="mx-auto max-w-xl rounded-lg border border-red-200 bg-red-50 px-5 py-6 text-sm text-red-900"
    >
      <h1 className="text-lg font-semibold">Something went wrong</h1>
      <p className="mt-2">{message}</p>
      {digest && (
        <p className="mt-2 text-xs text-red-800">Reference for the server logs: {digest}</p>
      )}
      <div className="mt-5 flex flex-wrap gap-3">
        <Button variant="secondary" onClick={() => retry()}>
          Try again
        </Button>
        <Link
          href="/"
          className="inline-flex items-center text-sm font-medium text-red-900 underline"
        >
          Back to the jobs list
        </Link>
      </div>
    </div>
  );
}
