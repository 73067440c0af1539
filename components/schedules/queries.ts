import { queryOptions } from "@tanstack/react-query";

import { fetchJson } from "@/lib/fetch-json";
import type { RoleData } from "@/lib/reads/roles";

/** The roles that trust scheduler.amazonaws.com (IAM, rarely changed): kept for minutes, asked once more on failure. */
export const schedulerRolesQuery = () =>
  queryOptions({
    queryKey: ["scheduler-roles"],
    queryFn: ({ signal }) => fetchJson<RoleData[]>("/api/schedules/roles", { signal }),
    staleTime: 5 * 60_000,
    gcTime: 30 * 60_000,
    retry: 1,
  });
