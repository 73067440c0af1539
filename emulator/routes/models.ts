/** ListConfiguredAudienceModels, GetConfiguredAudienceModel, ListAudienceModels, GetAudienceModel. */
import { z } from "zod";

import {
  audienceModelArnSchema,
  configuredAudienceModelArnSchema,
  listPageRequestSchema,
} from "../../lib/schemas/api";
import { iso, notFound } from "../http";
import { decodeToken, DEFAULT_PAGE_SIZE, page } from "../pagination";
import type { AudienceModelRow, ConfiguredAudienceModelRow } from "../store";
import { validate } from "../validate";
import { queryParams, type Operation } from "./context";

const configuredModelSummary = (row: ConfiguredAudienceModelRow) => ({
  createTime: iso(row.create_time),
  updateTime: iso(row.update_time),
  name: row.name,
  audienceModelArn: row.audience_model_arn,
  outputConfig: JSON.parse(row.output_config) as unknown,
  description: row.description ?? undefined,
  configuredAudienceModelArn: row.arn,
  status: row.status,
});

const audienceModelSummary = (row: AudienceModelRow) => ({
  createTime: iso(row.create_time),
  updateTime: iso(row.update_time),
  audienceModelArn: row.arn,
  name: row.name,
  trainingDatasetArn: row.training_dataset_arn,
  status: row.status,
  description: row.description ?? undefined,
});

export const listConfiguredAudienceModels: Operation = (context, { query }) => {
  const input = validate(listPageRequestSchema, queryParams(query, ["nextToken", "maxResults"]));
  const after = decodeToken("configured-audience-model", input.nextToken) ?? 0;
  const limit = input.maxResults ?? DEFAULT_PAGE_SIZE;
  const { items, nextToken } = page(
    "configured-audience-model",
    context.store.models.configuredModels(after, limit + 1),
    limit,
  );
  return { body: { configuredAudienceModels: items.map(configuredModelSummary), nextToken } };
};

const configuredModelInput = z.strictObject({
  configuredAudienceModelArn: configuredAudienceModelArnSchema,
});

export const getConfiguredAudienceModel: Operation = (context, { label }) => {
  const { configuredAudienceModelArn: arn } = validate(configuredModelInput, {
    configuredAudienceModelArn: label,
  });
  const row = context.store.models.configuredModel(arn);
  if (!row) throw notFound(`Configured audience model ${arn} does not exist.`);
  return {
    body: {
      ...configuredModelSummary(row),
      sharedAudienceMetrics: JSON.parse(row.shared_audience_metrics) as unknown,
      minMatchingSeedSize: row.min_matching_seed_size ?? undefined,
      audienceSizeConfig: JSON.parse(row.audience_size_config) as unknown,
      tags: context.store.tags.get(row.arn),
      childResourceTagOnCreatePolicy: row.child_resource_tag_on_create_policy ?? undefined,
    },
  };
};

export const listAudienceModels: Operation = (context, { query }) => {
  const input = validate(listPageRequestSchema, queryParams(query, ["nextToken", "maxResults"]));
  const after = decodeToken("audience-model", input.nextToken) ?? 0;
  const limit = input.maxResults ?? DEFAULT_PAGE_SIZE;
  const { items, nextToken } = page(
    "audience-model",
    context.store.models.audienceModels(after, limit + 1),
    limit,
  );
  return { body: { audienceModels: items.map(audienceModelSummary), nextToken } };
};

const audienceModelInput = z.strictObject({ audienceModelArn: audienceModelArnSchema });

export const getAudienceModel: Operation = (context, { label }) => {
  const { audienceModelArn: arn } = validate(audienceModelInput, { audienceModelArn: label });
  const row = context.store.models.audienceModel(arn);
  if (!row) throw notFound(`Audience model ${arn} does not exist.`);
  return {
    body: {
      ...audienceModelSummary(row),
      trainingDataStartTime:
        row.training_data_start_time === null ? undefined : iso(row.training_data_start_time),
      trainingDataEndTime:
        row.training_data_end_time === null ? undefined : iso(row.training_data_end_time),
      kmsKeyArn: row.kms_key_arn ?? undefined,
      tags: context.store.tags.get(row.arn),
    },
  };
};
