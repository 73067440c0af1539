/**
 * StartAudienceExportJob, ListAudienceExportJobs. An account exports the jobs
 * it started, through its own ARN of the job (docs/ARCHITECTURE.md, "Two
 * accounts"); the model's owner sees the job but exports nothing of it.
 */
import { randomUUID } from "node:crypto";

import {
  listAudienceExportJobsRequestSchema,
  startAudienceExportJobRequestSchema,
} from "../../lib/schemas/api";
import { accessDenied, conflict, iso, notFound, validationError } from "../http";
import { resourceIdOf } from "../identity";
import { audienceSizeInUsers, type AudienceSizeConfig } from "../lookalike/compute";
import { decodeToken, DEFAULT_PAGE_SIZE, page } from "../pagination";
import { validate } from "../validate";
import { queryParams, type Operation } from "./context";
import { jobFor } from "./generation-jobs";

export const startAudienceExportJob: Operation = (context, { account, body }) => {
  const input = validate(startAudienceExportJobRequestSchema, body);
  const { store, engine } = context;
  const arn = input.audienceGenerationJobArn;
  const job = jobFor(context, account, "StartAudienceExportJob", arn);
  if (job.row.started_by !== account) {
    throw accessDenied(
      `Account ${account} may not export ${arn}: account ${job.row.started_by} started it on this account's model, and only the account that started a job exports its audience.`,
    );
  }
  if (job.status !== "ACTIVE") {
    throw conflict(
      `Audience generation job ${job.row.arn} is ${job.status}; only an ACTIVE job can be exported.`,
    );
  }
  const model = store.models.configuredModel(job.row.configured_audience_model_arn);
  if (!model)
    throw notFound(
      `Configured audience model ${job.row.configured_audience_model_arn} does not exist.`,
    );
  const sizes = JSON.parse(model.audience_size_config) as AudienceSizeConfig;
  const { type, value } = input.audienceSize;
  if (type !== sizes.audienceSizeType || !sizes.audienceSizeBins.includes(value)) {
    throw validationError(
      `audienceSize: Must be one of the configured audience model's sizes: ${sizes.audienceSizeType} ${sizes.audienceSizeBins.join(", ")}`,
    );
  }

  const users = audienceSizeInUsers(type, value, job.row.population ?? 0);
  const id = randomUUID();
  const destination = (
    JSON.parse(model.output_config) as { destination: { s3Destination: { s3Uri: string } } }
  ).destination.s3Destination.s3Uri;
  const outputLocation = `${destination.replace(/\/+$/, "")}/${resourceIdOf(job.row.arn)}/${id}.jsonl`;
  const { pendingMs, progressMs } = engine.exportDurations(users);
  store.exports.insert({
    id,
    name: input.name,
    description: input.description ?? null,
    audience_generation_job_arn: job.row.arn,
    audience_size_type: type,
    audience_size_value: value,
    users,
    output_location: outputLocation,
    create_time: context.now(),
    pending_ms: pendingMs,
    progress_ms: progressMs,
  });
  const row = store.exports.get(id);
  if (row) engine.exportAudience(row);
  return {};
};

export const listAudienceExportJobs: Operation = (context, { account, query }) => {
  const input = validate(
    listAudienceExportJobsRequestSchema,
    queryParams(query, ["nextToken", "maxResults", "audienceGenerationJobArn"]),
  );
  const before = decodeToken("audience-export-job", input.nextToken) ?? Number.MAX_SAFE_INTEGER;
  const limit = input.maxResults ?? DEFAULT_PAGE_SIZE;
  const jobArn =
    input.audienceGenerationJobArn === undefined
      ? undefined
      : jobFor(context, account, "ListAudienceExportJobs", input.audienceGenerationJobArn).row.arn;
  const rows = context.store.exports.list(account, jobArn, before, limit + 1);
  const { items, nextToken } = page("audience-export-job", rows, limit);
  const now = context.now();
  const audienceExportJobs = items.map((row) => {
    const { status, updateTime } = context.engine.settleExport(row, now);
    return {
      createTime: iso(row.create_time),
      updateTime: iso(updateTime),
      name: row.name,
      audienceGenerationJobArn: row.audience_generation_job_arn,
      audienceSize: { type: row.audience_size_type, value: row.audience_size_value },
      description: row.description ?? undefined,
      status,
      statusDetails:
        status === "CREATE_FAILED" && row.status_code !== null
          ? { statusCode: row.status_code, message: row.status_message ?? undefined }
          : undefined,
      outputLocation: status === "ACTIVE" ? row.output_location : undefined,
    };
  });
  return { body: { audienceExportJobs, nextToken } };
};
