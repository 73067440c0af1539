/** StartAudienceGenerationJob, GetAudienceGenerationJob, ListAudienceGenerationJobs, DeleteAudienceGenerationJob. */
import { randomUUID } from "node:crypto";
import { z } from "zod";

import {
  audienceGenerationJobArnSchema,
  listAudienceGenerationJobsRequestSchema,
  startAudienceGenerationJobRequestSchema,
  TAGS_MAX,
} from "../../lib/schemas/api";
import type { JobView } from "../engine";
import { accessDenied, ApiError, conflict, iso, notFound, validationError } from "../http";
import { ACCOUNT_ID, accountOf, arnOf } from "../identity";
import { CREATE_PENDING_SECONDS, DELETABLE_STATUSES, scaledMs } from "../lifecycle";
import { decodeToken, DEFAULT_PAGE_SIZE, page } from "../pagination";
import type { AnalysisTemplateParameter } from "../store";
import { validate } from "../validate";
import { queryParams, type Context, type Operation } from "./context";

const jobArnInput = z.strictObject({ audienceGenerationJobArn: audienceGenerationJobArnSchema });

/** The job named by the path, as it stands now, or a 404. */
export function jobFromPath(context: Context, label: string): JobView {
  const { audienceGenerationJobArn: arn } = validate(jobArnInput, {
    audienceGenerationJobArn: label,
  });
  const job = context.engine.job(arn);
  if (!job) throw notFound(`Audience generation job ${arn} does not exist.`);
  return job;
}

export const startAudienceGenerationJob: Operation = (context, { body }) => {
  const input = validate(startAudienceGenerationJobRequestSchema, body);
  const { store } = context;
  const model = store.models.configuredModel(input.configuredAudienceModelArn);
  if (!model)
    throw notFound(`Configured audience model ${input.configuredAudienceModelArn} does not exist.`);

  const sql = input.seedAudience.sqlParameters;
  if (sql?.analysisTemplateArn !== undefined) {
    const template = store.models.analysisTemplate(sql.analysisTemplateArn);
    if (!template) throw notFound(`Analysis template ${sql.analysisTemplateArn} does not exist.`);
    checkTemplateParameters(
      JSON.parse(template.parameters) as AnalysisTemplateParameter[],
      sql.parameters ?? {},
    );
  }

  const inherited =
    model.child_resource_tag_on_create_policy === "FROM_PARENT_RESOURCE"
      ? store.tags.get(model.arn)
      : {};
  const tags = { ...inherited, ...input.tags };
  if (Object.keys(tags).length > TAGS_MAX) {
    throw validationError(
      `tags: At most ${TAGS_MAX} tags are allowed, counting the ${Object.keys(inherited).length} the job inherits from its configured audience model`,
    );
  }

  const queueMax = context.engine.computeQueueMax;
  if (context.engine.computeBacklog >= queueMax) {
    throw new ApiError(
      "ServiceQuotaExceededException",
      `${context.engine.computeBacklog} audience generation jobs are already being computed or waiting for the local service's compute (at most ${queueMax}, EMULATOR_COMPUTE_QUEUE_MAX); start this one when one of them has finished.`,
    );
  }

  const arn = arnOf("audience-generation-job", randomUUID());
  const now = context.now();
  store.transaction(() => {
    store.jobs.insert({
      arn,
      name: input.name,
      description: input.description ?? null,
      configured_audience_model_arn: input.configuredAudienceModelArn,
      collaboration_id: input.collaborationId ?? null,
      started_by: ACCOUNT_ID,
      seed_audience: JSON.stringify(input.seedAudience),
      include_seed_in_output:
        input.includeSeedInOutput === undefined ? null : Number(input.includeSeedInOutput),
      protected_query_identifier: sql ? randomUUID() : null,
      create_time: now,
      pending_ms: scaledMs(CREATE_PENDING_SECONDS, context.engine.timeScale),
    });
    store.tags.put(arn, tags);
  });
  context.engine.compute(arn);
  return { body: { audienceGenerationJobArn: arn } };
};

function checkTemplateParameters(
  declared: AnalysisTemplateParameter[],
  given: Record<string, string>,
) {
  const names = declared.map((p) => p.name);
  for (const name of Object.keys(given)) {
    if (!names.includes(name)) {
      throw validationError(
        `seedAudience.sqlParameters.parameters.${name}: The analysis template has no parameter ${name} (it has: ${names.join(", ") || "none"})`,
      );
    }
  }
  for (const p of declared) {
    if (p.defaultValue === undefined && given[p.name] === undefined) {
      throw validationError(
        `seedAudience.sqlParameters.parameters.${p.name}: The analysis template requires a value for ${p.name}`,
      );
    }
  }
}

export const getAudienceGenerationJob: Operation = (context, { label }) => {
  const { row, status, updateTime } = jobFromPath(context, label);
  const ours = row.started_by === ACCOUNT_ID;
  const body: Record<string, unknown> = {
    createTime: iso(row.create_time),
    updateTime: iso(updateTime),
    audienceGenerationJobArn: row.arn,
    name: row.name,
    description: row.description ?? undefined,
    status,
    configuredAudienceModelArn: row.configured_audience_model_arn,
    collaborationId: row.collaboration_id ?? undefined,
    startedBy: row.started_by,
  };
  if (status === "CREATE_FAILED" && row.status_code !== null) {
    body.statusDetails = { statusCode: row.status_code, message: row.status_message ?? undefined };
  }
  if (status === "ACTIVE" && row.metrics !== null) body.metrics = JSON.parse(row.metrics);
  if (ours && row.seed_audience !== null) {
    body.seedAudience = JSON.parse(row.seed_audience);
    body.includeSeedInOutput = row.include_seed_in_output === 1;
  }
  if (row.protected_query_identifier !== null)
    body.protectedQueryIdentifier = row.protected_query_identifier;
  if (ours) body.tags = context.store.tags.get(row.arn);
  return { body };
};

export const listAudienceGenerationJobs: Operation = (context, { query }) => {
  const input = validate(
    listAudienceGenerationJobsRequestSchema,
    queryParams(query, [
      "nextToken",
      "maxResults",
      "configuredAudienceModelArn",
      "collaborationId",
    ]),
  );
  const before = decodeToken("audience-generation-job", input.nextToken) ?? Number.MAX_SAFE_INTEGER;
  const limit = input.maxResults ?? DEFAULT_PAGE_SIZE;
  const rows = context.store.jobs.list(input, before, limit + 1);
  const { items, nextToken } = page("audience-generation-job", rows, limit);
  const now = context.now();
  const audienceGenerationJobs = items.flatMap((row) => {
    const view = context.engine.settleJob(row, now);
    if (!view) return [];
    return [
      {
        createTime: iso(row.create_time),
        updateTime: iso(view.updateTime),
        audienceGenerationJobArn: row.arn,
        name: row.name,
        description: row.description ?? undefined,
        status: view.status,
        configuredAudienceModelArn: row.configured_audience_model_arn,
        collaborationId: row.collaboration_id ?? undefined,
        startedBy: row.started_by,
      },
    ];
  });
  return { body: { audienceGenerationJobs, nextToken } };
};

export const deleteAudienceGenerationJob: Operation = (context, { label }) => {
  const { row, status } = jobFromPath(context, label);
  if (accountOf(row.arn) !== ACCOUNT_ID) {
    throw accessDenied(
      `Account ${ACCOUNT_ID} may not delete ${row.arn}: it belongs to account ${accountOf(row.arn)}.`,
    );
  }
  if (status === "DELETE_PENDING" || status === "DELETE_IN_PROGRESS") return {};
  if (!DELETABLE_STATUSES.has(status)) {
    throw conflict(
      `Audience generation job ${row.arn} is ${status}; it can be deleted once it is ACTIVE or CREATE_FAILED.`,
    );
  }
  context.engine.delete(row.arn);
  return {};
};
