/**
 * The start-job form's rules: the rows checked one by one (so an error sits
 * beside its row), everything else by building the request
 * (`./start-job-form-values`, re-exported here) and validating it with the
 * API's rules (`./api`), so the rules are written once. Used by the server
 * action, which parses again, and loaded by the client form on its first
 * check (`startJobFormResolver`).
 */
import "@/lib/schemas/zod-config";

import { z } from "zod";

import { sqlParameterProblems } from "@/lib/sql-parameters";

import {
  parameterNameSchema,
  parameterValueSchema,
  SPARK_PROPERTIES_MAX,
  sparkPropertyKeySchema,
  sparkPropertyValueSchema,
  SQL_PARAMETERS_MAX,
  startAudienceGenerationJobRequestSchema,
  tagKeySchema,
  tagValueSchema,
  WORKER_TYPES,
} from "./api";
import { issuePath } from "./issues";
import { NO_TAGS_BEYOND_FORM, tagLimitMessage, type TagsBeyondForm } from "./job-tags";
import { checkKeyValueRows } from "./rows";
import {
  filledRows,
  formFieldForRequestPath,
  SEED_SOURCES,
  toStartRequest,
  type SeedSource,
  type StartJobFormValues,
} from "./start-job-form-values";

export * from "./start-job-form-values";

const usesSql = (source: SeedSource) => source !== "S3";

const keyValueRowSchema = z.strictObject({ key: z.string(), value: z.string() });

const formShape = z.strictObject({
  name: z.string(),
  description: z.string(),
  configuredAudienceModelArn: z.string(),
  seedSource: z.enum(SEED_SOURCES, { error: "Choose where the seed audience comes from" }),
  s3Uri: z.string(),
  queryString: z.string(),
  analysisTemplateArn: z.string(),
  parameters: z.array(keyValueRowSchema),
  roleArn: z.string(),
  workerType: z.enum(["", ...WORKER_TYPES]),
  /** Text as typed; empty means "let the service choose". */
  workerCount: z.string(),
  sparkProperties: z.array(keyValueRowSchema),
  includeSeedInOutput: z.boolean(),
  collaborationId: z.string(),
  tags: z.array(keyValueRowSchema),
}) satisfies z.ZodType<StartJobFormValues>;

const STAND_IN_MODEL_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:000000000000:configured-audience-model/unset";

/**
 * The form's schema, for a job that will also carry `beyond` (the tags it
 * inherits from its model and the dashboard's own, counted toward the tag
 * limit with the form's: `./job-tags`). Rows are checked one by one (so an
 * error sits beside its row); everything else is checked by building the
 * request and validating it with the API schema, so the rules are written once.
 */
export const startJobFormSchemaFor = (beyond: TagsBeyondForm) =>
  formShape.superRefine((values, ctx) => checkForm(values, ctx, beyond));

/** The form's schema counting only the form's own tags; the action counts the rest itself. */
export const startJobFormSchema = startJobFormSchemaFor(NO_TAGS_BEYOND_FORM);

function checkForm(values: StartJobFormValues, ctx: z.RefinementCtx, beyond: TagsBeyondForm) {
  const tagLimit = tagLimitMessage(
    filledRows(values.tags).map((row) => row.key),
    beyond,
  );
  if (tagLimit) ctx.addIssue({ code: "custom", path: ["tags"], message: tagLimit });
  checkKeyValueRows(ctx, "tags", values.tags, {
    key: tagKeySchema,
    value: tagValueSchema,
    noun: "tag",
  });
  if (usesSql(values.seedSource)) {
    checkKeyValueRows(ctx, "parameters", values.parameters, {
      key: parameterNameSchema,
      value: parameterValueSchema,
      noun: "parameter",
      max: SQL_PARAMETERS_MAX,
    });
    checkKeyValueRows(ctx, "sparkProperties", values.sparkProperties, {
      key: sparkPropertyKeySchema,
      value: sparkPropertyValueSchema,
      noun: "Spark property",
      max: SPARK_PROPERTIES_MAX,
    });
    if (values.workerCount.trim() !== "" && !/^\d+$/.test(values.workerCount.trim())) {
      ctx.addIssue({
        code: "custom",
        path: ["workerCount"],
        message: "Number of workers must be a whole number",
      });
    }
  }
  if (values.seedSource === "SQL_QUERY" && values.queryString.trim() === "") {
    ctx.addIssue({ code: "custom", path: ["queryString"], message: "SQL query is required" });
  }
  if (values.seedSource === "SQL_QUERY") {
    // A parameter the query names with no value fails the protected query for certain: refused here.
    const [blocking] = sqlParameterProblems(
      values.queryString,
      values.parameters.map((row) => row.key.trim()),
    ).blocking;
    if (blocking) ctx.addIssue({ code: "custom", path: ["parameters"], message: blocking });
  }
  if (values.seedSource === "ANALYSIS_TEMPLATE" && values.analysisTemplateArn === "") {
    ctx.addIssue({
      code: "custom",
      path: ["analysisTemplateArn"],
      message: "Analysis template ARN is required",
    });
  }
  const noModel = values.configuredAudienceModelArn === "";
  if (noModel) {
    ctx.addIssue({
      code: "custom",
      path: ["configuredAudienceModelArn"],
      message: "Choose a configured audience model",
    });
  }

  const reported = new Set<string>();
  // With no model chosen yet, every other field is still checked (against a stand-in model ARN).
  const request = toStartRequest(
    noModel ? { ...values, configuredAudienceModelArn: STAND_IN_MODEL_ARN } : values,
  );
  const result = startAudienceGenerationJobRequestSchema.safeParse(request);
  if (result.success) return;
  for (const issue of result.error.issues) {
    const field = formFieldForRequestPath(issuePath(issue));
    // Rows and the required checks above already speak for these fields.
    if (field === "tags" || field === "parameters" || field === "sparkProperties") continue;
    if (issuePath(issue) === "seedAudience.sqlParameters") continue;
    if (
      field === "workerCount" &&
      !/^\d+$/.test(values.workerCount.trim()) &&
      values.workerCount.trim() !== ""
    )
      continue;
    const path = field ?? "";
    if (reported.has(path)) continue;
    reported.add(path);
    ctx.addIssue({ code: "custom", path: field ? [field] : [], message: issue.message });
  }
}
