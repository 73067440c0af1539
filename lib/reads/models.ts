import "server-only";

import {
  GetConfiguredAudienceModelCommand,
  paginateListConfiguredAudienceModels,
  type ConfiguredAudienceModelSummary,
} from "@/lib/cleanrooms-ml";
import { serialize } from "@/lib/json";
import { cleanRoomsML } from "@/lib/service";

import { readCache, readScope, type CachedRead } from "./cache";

async function loadConfiguredModels() {
  const models: ConfiguredAudienceModelSummary[] = [];
  for await (const page of paginateListConfiguredAudienceModels(
    { client: cleanRoomsML(), pageSize: 100 },
    {},
  )) {
    models.push(...page.configuredAudienceModels);
  }
  models.sort((a, b) => a.name.localeCompare(b.name));
  return serialize(models);
}

async function loadConfiguredModel(configuredAudienceModelArn: string) {
  return serialize(
    await cleanRoomsML().send(
      new GetConfiguredAudienceModelCommand({ configuredAudienceModelArn }),
    ),
  );
}

export type ConfiguredModelSummaryData = Awaited<ReturnType<typeof loadConfiguredModels>>[number];
export type ConfiguredModelData = Awaited<ReturnType<typeof loadConfiguredModel>>;

/** Every configured audience model the account can use (all pages), by name, with when it was read. */
export function readConfiguredModels(
  options: { fresh?: boolean } = {},
): Promise<CachedRead<ConfiguredModelSummaryData[]>> {
  return readCache().read({
    operation: "ListConfiguredAudienceModels",
    input: {},
    scopes: [readScope.models],
    load: loadConfiguredModels,
    fresh: options.fresh,
  });
}

/** Every configured audience model, read anew for a page being rendered. */
export async function listConfiguredModels(): Promise<ConfiguredModelSummaryData[]> {
  return (await readConfiguredModels({ fresh: true })).data;
}

export function readConfiguredModel(
  configuredAudienceModelArn: string,
  options: { fresh?: boolean } = {},
): Promise<CachedRead<ConfiguredModelData>> {
  return readCache().read({
    operation: "GetConfiguredAudienceModel",
    input: { configuredAudienceModelArn },
    scopes: [readScope.models],
    load: () => loadConfiguredModel(configuredAudienceModelArn),
    fresh: options.fresh,
  });
}

/** One configured audience model, read anew for a page being rendered. */
export async function getConfiguredModel(
  configuredAudienceModelArn: string,
): Promise<ConfiguredModelData> {
  return (await readConfiguredModel(configuredAudienceModelArn, { fresh: true })).data;
}
