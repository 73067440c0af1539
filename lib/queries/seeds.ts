import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";

import { fetchJson } from "@/lib/fetch-json";
import type { SeedFolderPage, SeedLocation, SeedReport } from "@/lib/seeds/types";

/** The seed locations of SEED_BUCKETS: a server setting, fixed while the server runs. */
export const seedLocationsQuery = () =>
  queryOptions({
    queryKey: ["seed-locations"],
    queryFn: ({ signal }) => fetchJson<SeedLocation[]>("/api/seeds/locations", { signal }),
    staleTime: Infinity,
  });

/** A folder of a seed location, page by page, optionally only names starting with `search`. */
export const seedFolderQuery = (bucket: string, prefix: string, search: string) =>
  infiniteQueryOptions({
    queryKey: ["seed-folder", bucket, prefix, search],
    queryFn: ({ signal, pageParam }) =>
      fetchJson<SeedFolderPage>(
        `/api/seeds/list?${new URLSearchParams({
          bucket,
          prefix,
          ...(search ? { search } : {}),
          ...(pageParam ? { token: pageParam } : {}),
        })}`,
        { signal },
      ),
    initialPageParam: "",
    getNextPageParam: (page) => page.nextToken,
    staleTime: 30_000,
  });

/**
 * The preflight report of a seed URI. Run on demand, never polled; read again
 * only when asked ("Check again"). Leaving the page (no observer left)
 * cancels the request, and the server stops reading.
 */
export const seedPreflightQuery = (uri: string) =>
  queryOptions({
    queryKey: ["seed-preflight", uri],
    queryFn: ({ signal }) =>
      fetchJson<SeedReport>(`/api/seeds/preflight?${new URLSearchParams({ uri })}`, { signal }),
    staleTime: Infinity,
    gcTime: 10 * 60_000,
    retry: false,
    refetchOnWindowFocus: false,
  });
