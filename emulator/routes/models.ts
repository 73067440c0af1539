/**
 * ListConfiguredAudienceModels, GetConfiguredAudienceModel, ListAudienceModels,
 * GetAudienceModel, and the configured model's resource policy (Put, Get,
 * Delete). Each account lists and reads only its own models; another
 * account's model is read only where its resource policy allows the action
 * (resource-policy.ts), which the policy Clean Rooms manages never does.
 */
import { createHash } from "node:crypto";
import { z } from "zod";

import {
  audienceModelArnSchema,
  configuredAudienceModelArnSchema,
  listPageRequestSchema,
} from "../../lib/schemas/api";
import { accessDenied, conflict, iso, notFound, validationError } from "../http";
import { accountOf, notAuthorizedMessage } from "../identity";
import { decodeToken, DEFAULT_PAGE_SIZE, page } from "../pagination";
import { policyAllows, policyProblem } from "../resource-policy";
import type { AudienceModelRow, ConfiguredAudienceModelRow } from "../store";
import { validate } from "../validate";
import { queryParams, type Context, type Operation } from "./context";

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

export const listConfiguredAudienceModels: Operation = (context, { account, query }) => {
  const input = validate(listPageRequestSchema, queryParams(query, ["nextToken", "maxResults"]));
  const after = decodeToken("configured-audience-model", input.nextToken) ?? 0;
  const limit = input.maxResults ?? DEFAULT_PAGE_SIZE;
  const { items, nextToken } = page(
    "configured-audience-model",
    context.store.models.configuredModels(account, after, limit + 1),
    limit,
  );
  return { body: { configuredAudienceModels: items.map(configuredModelSummary), nextToken } };
};

const configuredModelInput = z.strictObject({
  configuredAudienceModelArn: configuredAudienceModelArnSchema,
});

/**
 * Refuses a call on another account's resource unless the configured model's
 * resource policy allows it, in AWS's words; a missing resource of another
 * account is refused the same way, as AWS does not tell outsiders what exists.
 */
export function authorize(
  context: Context,
  account: string,
  action: string,
  resource: string,
  modelArn: string,
  collaborationId?: string,
): void {
  if (accountOf(resource) === account) return;
  const policy = context.store.models.policy(modelArn)?.policy;
  const allowed = policyAllows(policy, {
    account,
    action,
    resource,
    context: { "cleanrooms-ml:CollaborationId": collaborationId },
  });
  if (!allowed) throw accessDenied(notAuthorizedMessage(account, action, resource));
}

export const getConfiguredAudienceModel: Operation = (context, { account, label }) => {
  const { configuredAudienceModelArn: arn } = validate(configuredModelInput, {
    configuredAudienceModelArn: label,
  });
  authorize(context, account, "cleanrooms-ml:GetConfiguredAudienceModel", arn, arn);
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

export const listAudienceModels: Operation = (context, { account, query }) => {
  const input = validate(listPageRequestSchema, queryParams(query, ["nextToken", "maxResults"]));
  const after = decodeToken("audience-model", input.nextToken) ?? 0;
  const limit = input.maxResults ?? DEFAULT_PAGE_SIZE;
  const { items, nextToken } = page(
    "audience-model",
    context.store.models.audienceModels(account, after, limit + 1),
    limit,
  );
  return { body: { audienceModels: items.map(audienceModelSummary), nextToken } };
};

const audienceModelInput = z.strictObject({ audienceModelArn: audienceModelArnSchema });

export const getAudienceModel: Operation = (context, { account, label }) => {
  const { audienceModelArn: arn } = validate(audienceModelInput, { audienceModelArn: label });
  if (accountOf(arn) !== account) {
    const action = "cleanrooms-ml:GetAudienceModel";
    throw accessDenied(notAuthorizedMessage(account, action, arn));
  }
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

const policyHash = (policy: string) => createHash("sha256").update(policy).digest("hex");

/** The model the policy call names, when the caller owns it: only the owner manages its policy. */
function ownModel(context: Context, account: string, action: string, label: string): string {
  const { configuredAudienceModelArn: arn } = validate(configuredModelInput, {
    configuredAudienceModelArn: label,
  });
  if (accountOf(arn) !== account) {
    throw accessDenied(notAuthorizedMessage(account, `cleanrooms-ml:${action}`, arn));
  }
  if (!context.store.models.configuredModel(arn)) {
    throw notFound(`Configured audience model ${arn} does not exist.`);
  }
  return arn;
}

const putPolicyInput = z.strictObject({
  configuredAudienceModelPolicy: z.string().min(1).max(20480),
  previousPolicyHash: z
    .string()
    .min(64)
    .max(128)
    .regex(/^[0-9a-f]+$/)
    .optional(),
  policyExistenceCondition: z.enum(["POLICY_MUST_EXIST", "POLICY_MUST_NOT_EXIST"]).optional(),
});

/** PutConfiguredAudienceModelPolicy: PUT /configured-audience-model/{arn}/policy. */
export const putConfiguredAudienceModelPolicy: Operation = (context, { account, label, body }) => {
  const arn = ownModel(context, account, "PutConfiguredAudienceModelPolicy", label);
  const input = validate(putPolicyInput, body);
  const problem = policyProblem(input.configuredAudienceModelPolicy);
  if (problem) throw validationError(problem);
  const { models } = context.store;
  const current = models.policy(arn);
  if (input.policyExistenceCondition === "POLICY_MUST_EXIST" && !current) {
    throw notFound(`Configured audience model ${arn} has no policy to replace.`);
  }
  if (input.policyExistenceCondition === "POLICY_MUST_NOT_EXIST" && current) {
    throw conflict(`Configured audience model ${arn} already has a policy.`);
  }
  if (input.previousPolicyHash !== undefined && current?.policy_hash !== input.previousPolicyHash) {
    throw conflict(
      `previousPolicyHash does not match the model's current policy (${current?.policy_hash ?? "none"}).`,
    );
  }
  const row = {
    configured_audience_model_arn: arn,
    policy: input.configuredAudienceModelPolicy,
    policy_hash: policyHash(input.configuredAudienceModelPolicy),
  };
  models.putPolicy(row);
  return { body: { configuredAudienceModelPolicy: row.policy, policyHash: row.policy_hash } };
};

/** GetConfiguredAudienceModelPolicy: GET /configured-audience-model/{arn}/policy. */
export const getConfiguredAudienceModelPolicy: Operation = (context, { account, label }) => {
  const arn = ownModel(context, account, "GetConfiguredAudienceModelPolicy", label);
  const row = context.store.models.policy(arn);
  if (!row) throw notFound(`Configured audience model ${arn} has no resource policy.`);
  return {
    body: {
      configuredAudienceModelArn: arn,
      configuredAudienceModelPolicy: row.policy,
      policyHash: row.policy_hash,
    },
  };
};

/** DeleteConfiguredAudienceModelPolicy: DELETE /configured-audience-model/{arn}/policy. */
export const deleteConfiguredAudienceModelPolicy: Operation = (context, { account, label }) => {
  const arn = ownModel(context, account, "DeleteConfiguredAudienceModelPolicy", label);
  if (!context.store.models.deletePolicy(arn)) {
    throw notFound(`Configured audience model ${arn} has no resource policy.`);
  }
  return {};
};
