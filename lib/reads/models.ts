import "server-only";

import {
  GetConfiguredAudienceModelCommand,
  paginateListConfiguredAudienceModels,
  type ConfiguredAudienceModelSummary,
} from "@/lib/cleanrooms-ml";
import { serialize } from "@/lib/json";
import { cleanRoomsML } from "@/lib/service";

/** Every configured audience model the account can use (all pages), by name. */
export async function listConfiguredModels() {
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

export async function getConfiguredModel(configuredAudienceModelArn: string) {
  return serialize(
    await cleanRoomsML().send(
      new GetConfiguredAudienceModelCommand({ configuredAudienceModelArn }),
    ),
  );
}

export type ConfiguredModelSummaryData = Awaited<ReturnType<typeof listConfiguredModels>>[number];
export type ConfiguredModelData = Awaited<ReturnType<typeof getConfiguredModel>>;
