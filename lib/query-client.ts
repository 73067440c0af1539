import { isServer, QueryClient } from "@tanstack/react-query";

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        // Server-rendered data is fresh on arrival; do not refetch it at once on hydration.
        staleTime: 5_000,
        // Polling pauses while the tab is hidden (docs/ARCHITECTURE.md, "Polling").
        refetchIntervalInBackground: false,
        // A returning tab refreshes at once.
        refetchOnWindowFocus: true,
        // The client already retries throttling and 5xx with backoff on the server side.
        retry: 1,
      },
    },
  });
}

let browserQueryClient: QueryClient | undefined;

/** A new client per server request; one shared client in the browser. */
export function getQueryClient(): QueryClient {
  if (isServer) return makeQueryClient();
  browserQueryClient ??= makeQueryClient();
  return browserQueryClient;
}
