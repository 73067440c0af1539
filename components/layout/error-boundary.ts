"use client";

import { useEffect } from "react";

/**
 * The contract of every `error.tsx`: what Next.js passes an error boundary.
 * Each boundary's "Try again" calls `retry`, which refreshes the route (the
 * server reads again) and then renders it anew; `reset` alone would only
 * re-render what already failed.
 */
export interface ErrorBoundaryProps {
  error: unknown;
  reset: () => void;
  retry: () => void;
}

/** The reference Next.js gives a server error in production, to find it in the server logs. */
export function errorDigest(error: unknown): string | undefined {
  return error instanceof Error ? (error as Error & { digest?: string }).digest : undefined;
}

/** Logs the error to the browser console once per error. */
export function useLogError(error: unknown): void {
  useEffect(() => {
    console.error(error);
  }, [error]);
}
