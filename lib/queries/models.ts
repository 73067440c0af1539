import { queryOptions } from "@tanstack/react-query";

import { fetchJson } from "@/lib/fetch-json";
import type { ConfiguredModelData, ConfiguredModelSummaryData } from "@/lib/reads/models";

/** All configured audience models, by name. Models change rarely: keep them a few minutes. */
export const configuredModelsQuery = () =>
  queryOptions({
    queryKey: ["configured-audience-models"],
    queryFn: ({ signal }) => fetchJson<ConfiguredModelSummaryData[]>("/api/models", { signal }),
    staleTime: 5 * 60_000,
  });

/** One configured audience model with its size bins, seed minimum and metrics sharing. */
export const configuredModelQuery = (arn: string) =>
  queryOptions({
    queryKey: ["configured-audience-model", arn],
    queryFn: ({ signal }) =>
      fetchJson<ConfiguredModelData>(`/api/model?arn=${encodeURIComponent(arn)}`, { signal }),
    staleTime: 5 * 60_000,
  });
