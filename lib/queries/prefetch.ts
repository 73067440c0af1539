import "server-only";

import { defaultShouldDehydrateQuery, dehydrate, type QueryClient } from "@tanstack/react-query";

import { RouteError } from "@/lib/fetch-json";
import { routeError } from "@/lib/service-errors";

import type { DehydratedReads, PlainRouteError } from "./hydrate";

/**
 * The server half of a query: spread after a query's options (`lib/queries/*`)
 * to prefetch it with a direct read instead of the browser's route. A failure
 * becomes the same `RouteError` the route would have answered, and is not
 * retried (the service client already retries throttling and 5xx).
 */
export function fromServer<T>(read: () => Promise<T>) {
  return {
    queryFn: async (): Promise<T> => {
      try {
        return await read();
      } catch (thrown) {
        const { status, error } = routeError(thrown);
        throw new RouteError(status, error);
      }
    },
    retry: false as const,
  };
}

/**
 * Waits for a prefetch at most `ms`. A read that is only an aid to the page (a
 * picker's list) and is slow today (a throttled service, many calls) must not
 * hold the first paint: unfinished, it is left out of the page and the browser
 * reads it through its route, showing the picker's own loading state.
 */
export async function prefetchWithin(prefetch: Promise<unknown>, ms: number): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([prefetch, new Promise((resolve) => (timer = setTimeout(resolve, ms)))]);
  clearTimeout(timer);
}

/**
 * The request's QueryClient as the page hands it to `<ServerReads>`: finished
 * reads and failed ones alike (TanStack Query leaves errors out by default), so
 * a service error seen on the server shows in the page without a second try.
 * Errors travel as plain data (an Error would lose its message on the way to
 * the browser in a production build) and become `RouteError`s again there.
 */
export function dehydrateReads(client: QueryClient): DehydratedReads {
  const state = dehydrate(client, {
    shouldDehydrateQuery: (query) =>
      defaultShouldDehydrateQuery(query) || query.state.status === "error",
  });
  return {
    ...state,
    queries: state.queries.map((query) => {
      const error = query.state.error;
      if (!(error instanceof RouteError)) return query;
      const plain: PlainRouteError = { routeError: { status: error.status, error: error.error } };
      // The state's type says Error; `<ServerReads>` turns this back into one before hydrating.
      const carried = plain as unknown as Error;
      return {
        ...query,
        state: { ...query.state, error: carried, fetchFailureReason: carried },
      };
    }),
  };
}
