import { queryOptions } from "@tanstack/react-query";

import { fetchJson } from "@/lib/fetch-json";
import type {
  ConfiguredModelData,
  ConfiguredModelSummaryData,
  ModelAssociationsData,
} from "@/lib/reads/models";

/** The account's own configured audience models, by name. Models change rarely: keep them a few minutes. */
export const configuredModelsQuery = () =>
  queryOptions({
    queryKey: ["configured-audience-models"],
    queryFn: ({ signal }) => fetchJson<ConfiguredModelSummaryData[]>("/api/models", { signal }),
    staleTime: 5 * 60_000,
  });

/** The models associated with each of the caller's collaborations, with their owners. */
export const modelAssociationsQuery = () =>
  queryOptions({
    queryKey: ["configured-audience-model-associations"],
    queryFn: ({ signal }) =>
      fetchJson<ModelAssociationsData>("/api/model-associations", { signal }),
    staleTime: 5 * 60_000,
  });

/**
 * One configured audience model with its size bins, seed minimum and metrics
 * sharing; a partner's model with what its association says
 * (`readable: false`).
 */
export const configuredModelQuery = (arn: string) =>
  queryOptions({
    queryKey: ["configured-audience-model", arn],
    queryFn: ({ signal }) =>
      fetchJson<ConfiguredModelData>(`/api/model?arn=${encodeURIComponent(arn)}`, { signal }),
    staleTime: 5 * 60_000,
  });
