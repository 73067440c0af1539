/**
 * StartAudienceGenerationJob, GetAudienceGenerationJob, ListAudienceGenerationJobs,
 * DeleteAudienceGenerationJob, for both accounts of a collaboration
 * (docs/ARCHITECTURE.md, "Two accounts"): a job started on another account's
 * model needs that model's resource policy; the job then has one ARN in each
 * account, each account reaches it only through its own, and the model's
 * owner sees it named `<starter account>-<name>`.
 */
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
import { accountOf, arnOf, inAccount, notAuthorizedMessage, resourceIdOf } from "../identity";
import { CREATE_PENDING_SECONDS, DELETABLE_STATUSES, scaledMs } from "../lifecycle";
import { decodeToken, DEFAULT_PAGE_SIZE, page } from "../pagination";
import type { AnalysisTemplateParameter, GenerationJobRow } from "../store";
import { validate } from "../validate";
import { queryParams, type Context, type Operation } from "./context";
import { authorize } from "./models";

const jobArnInput = z.strictObject({ audienceGenerationJobArn: audienceGenerationJobArnSchema });

/** The accounts that see a job: the one that started it and the one that owns its model. */
export const seesJob = (row: GenerationJobRow, account: string) =>
  row.started_by === account || accountOf(row.configured_audience_model_arn) === account;

/** The job's name as an account sees it: the model's owner sees `<starter>-<name>`. */
export const jobNameFor = (row: GenerationJobRow, account: string) =>
  row.started_by === account ? row.name : `${row.started_by}-${row.name}`;

/**
 * The job an ARN names for the calling account, as it stands now. An ARN of
 * another account is refused in AWS's words, whatever it names; a job the
 * account does not see does not exist for it.
 */
export function jobFor(context: Context, account: string, action: string, arn: string): JobView {
  if (accountOf(arn) !== account) {
    throw accessDenied(notAuthorizedMessage(account, `cleanrooms-ml:${action}`, arn));
  }
  const row = context.store.jobs.byId(resourceIdOf(arn));
  const job =
    row && seesJob(row, account) ? context.engine.settleJob(row, context.now()) : undefined;
  if (!job) throw notFound(`Audience generation job ${arn} does not exist.`);
  return job;
}

/** The job named by the path, for the calling account, or a 403 / 404. */
export function jobFromPath(
  context: Context,
  account: string,
  action: string,
  label: string,
): JobView {
  const { audienceGenerationJobArn: arn } = validate(jobArnInput, {
    audienceGenerationJobArn: label,
  });
  return jobFor(context, account, action, arn);
}

export const startAudienceGenerationJob: Operation = (context, { account, body }) => {
  const input = validate(startAudienceGenerationJobRequestSchema, body);
  const { store } = context;
  const modelArn = input.configuredAudienceModelArn;
  const owner = accountOf(modelArn);
  const id = randomUUID();
  const action = "cleanrooms-ml:StartAudienceGenerationJob";
  // The managed policy grants the action on the model and on the owner's jobs.
  authorize(context, account, action, modelArn, modelArn, input.collaborationId);
  authorize(
    context,
    account,
    action,
    arnOf("audience-generation-job", id, owner),
    modelArn,
    input.collaborationId,
  );
  const model = store.models.configuredModel(modelArn);
  if (!model) throw notFound(`Configured audience model ${modelArn} does not exist.`);
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
    model.child_resource_tag_on_create_policy === "FROM_PARENT_RESOURCE" && owner === account
      ? store.tags.get(model.arn)
      : {};
  const tags = { ...inherited, ...input.tags };
  if (Object.keys(tags).length > TAGS_MAX) {
    throw validationError(
      `tags: At most ${TAGS_MAX} tags are allowed, counting the ${Object.keys(inherited).length} the job inherits from its configured audience model`,
    );
  }

  // Names are unique within an account: checked once the request is otherwise valid.
  if (store.jobs.nameTaken(account, input.name)) {
    throw conflict(
      `An audience generation job named "${input.name}" already exists in account ${account}; job names are unique within an account.`,
    );
  }
  if (owner !== account && store.jobs.nameTaken(owner, `${account}-${input.name}`)) {
    throw conflict(
      `An audience generation job named "${account}-${input.name}" already exists in the model owner's account ${owner}; choose another name.`,
    );
  }

  const queueMax = context.engine.computeQueueMax;
  if (context.engine.computeBacklog >= queueMax) {
    throw new ApiError(
      "ServiceQuotaExceededException",
      `${context.engine.computeBacklog} audience generation jobs are already being computed or waiting for the local service's compute (at most ${queueMax}, EMULATOR_COMPUTE_QUEUE_MAX); start this one when one of them has finished.`,
    );
  }

  const arn = arnOf("audience-generation-job", id, account);
  const now = context.now();
  store.transaction(() => {
    store.jobs.insert({
      arn,
      name: input.name,
      description: input.description ?? null,
      configured_audience_model_arn: input.configuredAudienceModelArn,
      collaboration_id: input.collaborationId ?? null,
      started_by: account,
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

export const getAudienceGenerationJob: Operation = (context, { account, label }) => {
  const { row, status, updateTime } = jobFromPath(
    context,
    account,
    "GetAudienceGenerationJob",
    label,
  );
  const ours = row.started_by === account;
  const arn = inAccount(row.arn, account);
  const body: Record<string, unknown> = {
    createTime: iso(row.create_time),
    updateTime: iso(updateTime),
    audienceGenerationJobArn: arn,
    name: jobNameFor(row, account),
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
  if (ours) body.tags = context.store.tags.get(arn);
  return { body };
};

export const listAudienceGenerationJobs: Operation = (context, { account, query }) => {
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
  const rows = context.store.jobs.list(account, input, before, limit + 1);
  const { items, nextToken } = page("audience-generation-job", rows, limit);
  const now = context.now();
  const audienceGenerationJobs = items.flatMap((row) => {
    const view = context.engine.settleJob(row, now);
    if (!view) return [];
    return [
      {
        createTime: iso(row.create_time),
        updateTime: iso(view.updateTime),
        audienceGenerationJobArn: inAccount(row.arn, account),
        name: jobNameFor(row, account),
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

export const deleteAudienceGenerationJob: Operation = (context, { account, label }) => {
  const action = "DeleteAudienceGenerationJob";
  const { row, status } = jobFromPath(context, account, action, label);
  if (row.started_by !== account) {
    throw accessDenied(
      `Account ${account} may not delete ${inAccount(row.arn, account)}: account ${row.started_by} started it on this account's model, and only the account that started a job deletes it.`,
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
