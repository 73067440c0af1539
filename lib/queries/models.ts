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

/** A model the caller can start jobs on (or sees jobs of), by the name the caller knows it by. */
export interface UsableModel {
  configuredAudienceModelArn: string;
  name: string;
}

/**
 * The account's own models, then the partners' models associated with its
 * collaborations, each named once: an own model by its name, a partner's by
 * its association's name and owner (docs/ARCHITECTURE.md, "Two accounts").
 */
export function usableModels(
  own: readonly ConfiguredModelSummaryData[] | undefined,
  associations: ModelAssociationsData | undefined,
): UsableModel[] {
  const models: UsableModel[] = (own ?? []).map((m) => ({
    configuredAudienceModelArn: m.configuredAudienceModelArn,
    name: m.name,
  }));
  const seen = new Set(models.map((m) => m.configuredAudienceModelArn));
  for (const collaboration of associations?.collaborations ?? []) {
    for (const m of collaboration.models) {
      if (seen.has(m.configuredAudienceModelArn)) continue;
      seen.add(m.configuredAudienceModelArn);
      const owner = m.owner.memberName ?? `account ${m.owner.accountId}`;
      models.push({
        configuredAudienceModelArn: m.configuredAudienceModelArn,
        name: `${m.associationName} (${owner})`,
      });
    }
  }
  return models;
}
