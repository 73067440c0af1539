import { queryOptions } from "@tanstack/react-query";

import type { CrpuPrice } from "@/lib/costs";
import type { CostHistory } from "@/lib/costs-reads";
import { fetchJson } from "@/lib/fetch-json";

/** Every billed SQL and template seed run and the configured price (`GET /api/costs`); a minute old at most. */
export const costHistoryQuery = () =>
  queryOptions({
    queryKey: ["cost-history"],
    queryFn: ({ signal }) => fetchJson<CostHistory>("/api/costs", { signal }),
    staleTime: 60_000,
    retry: 1,
  });

/** The configured price per CRPU-hour, or null (`GET /api/costs/price`); set at start, so never stale. */
export const crpuPriceQuery = () =>
  queryOptions({
    queryKey: ["crpu-price"],
    queryFn: ({ signal }) => fetchJson<{ price: CrpuPrice | null }>("/api/costs/price", { signal }),
    staleTime: Infinity,
    retry: 1,
  });
