"use client";

import { HydrationBoundary, type DehydratedState } from "@tanstack/react-query";
import { useMemo, type ReactNode } from "react";

import type { ActionError } from "@/lib/action-result";
import { RouteError } from "@/lib/fetch-json";

/** A `RouteError` as plain data, the way it crosses from the server to the browser. */
export interface PlainRouteError {
  routeError: { status: number; error: ActionError };
}

/** What `dehydrateReads` (lib/queries/prefetch.ts) hands to the page. */
export type DehydratedReads = DehydratedState;

function isPlainRouteError(value: unknown): value is PlainRouteError {
  return typeof value === "object" && value !== null && "routeError" in value;
}

/**
 * Puts the server's reads into the browser's QueryClient before the page's
 * client components ask for them: their query hooks find the data (or the
 * error) already there, with the time the server read it.
 */
export function ServerReads({ state, children }: { state: DehydratedReads; children: ReactNode }) {
  const revived = useMemo<DehydratedState>(
    () => ({
      ...state,
      queries: state.queries.map((query) => {
        const error: unknown = query.state.error;
        if (!isPlainRouteError(error)) return query;
        const { status, error: mapped } = error.routeError;
        const revivedError = new RouteError(status, mapped);
        return {
          ...query,
          state: { ...query.state, error: revivedError, fetchFailureReason: revivedError },
        };
      }),
    }),
    [state],
  );
  return <HydrationBoundary state={revived}>{children}</HydrationBoundary>;
}
