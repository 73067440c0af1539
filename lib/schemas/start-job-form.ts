/**
 * The start-job form: its values, the empty form, the request the values
 * make (the live preview), how a job or a request path maps back onto the
 * form, and the schema, which checks the rows one by one and everything else
 * by building the request and validating it with the API's rules (`./api`).
 * Used by the client form (`zodResolver`) and by the server action, which
 * parses again.
 */
import "@/lib/schemas/zod-config";

import { z } from "zod";

import { isDashboardTag } from "@/lib/auth/who";

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
  type StartAudienceGenerationJobRequest,
} from "./api";
import { issuePath } from "./issues";
import { NO_TAGS_BEYOND_FORM, tagLimitMessage, type TagsBeyondForm } from "./job-tags";
import { NAME_MAX_LENGTH } from "./limits";
import { checkKeyValueRows, filledRows, isBlankRow, type KeyValueRow } from "./rows";

/** Blank rows are ignored everywhere (`./rows`). */
export { filledRows, isBlankRow, type KeyValueRow };

const usesSql = (source: SeedSource) => source !== "S3";

const SEED_SOURCES = ["S3", "SQL_QUERY", "ANALYSIS_TEMPLATE"] as const;
export type SeedSource = (typeof SEED_SOURCES)[number];

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
});
export type StartJobFormValues = z.infer<typeof formShape>;

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

export const emptyStartJobForm: StartJobFormValues = {
  name: "",
  description: "",
  configuredAudienceModelArn: "",
  seedSource: "S3",
  s3Uri: "",
  queryString: "",
  analysisTemplateArn: "",
  parameters: [],
  roleArn: "",
  workerType: "",
  workerCount: "",
  sparkProperties: [],
  includeSeedInOutput: false,
  collaborationId: "",
  tags: [],
};

function rowsToMap(rows: KeyValueRow[]): Record<string, string> {
  const map: Record<string, string> = Object.create(null);
  for (const row of filledRows(rows)) map[row.key] = row.value;
  return { ...map };
}

function mapToRows(map: Record<string, string> | undefined): KeyValueRow[] {
  return Object.entries(map ?? {}).map(([key, value]) => ({ key, value }));
}

/** The exact request the form would send. Empty optional fields are left out. */
export function toStartRequest(values: StartJobFormValues): StartAudienceGenerationJobRequest {
  const seedAudience: StartAudienceGenerationJobRequest["seedAudience"] = {
    roleArn: values.roleArn,
  };
  if (values.seedSource === "S3") {
    seedAudience.dataSource = { s3Uri: values.s3Uri };
  } else {
    seedAudience.sqlParameters =
      values.seedSource === "SQL_QUERY"
        ? { queryString: values.queryString }
        : { analysisTemplateArn: values.analysisTemplateArn };
    if (filledRows(values.parameters).length > 0)
      seedAudience.sqlParameters.parameters = rowsToMap(values.parameters);
    const worker: NonNullable<
      NonNullable<
        StartAudienceGenerationJobRequest["seedAudience"]["sqlComputeConfiguration"]
      >["worker"]
    > = {};
    if (values.workerType !== "") worker.type = values.workerType;
    if (values.workerCount.trim() !== "") worker.number = Number(values.workerCount.trim());
    if (filledRows(values.sparkProperties).length > 0)
      worker.properties = { spark: rowsToMap(values.sparkProperties) };
    if (Object.keys(worker).length > 0) seedAudience.sqlComputeConfiguration = { worker };
  }
  const request: StartAudienceGenerationJobRequest = {
    name: values.name,
    configuredAudienceModelArn: values.configuredAudienceModelArn,
    seedAudience,
  };
  if (values.includeSeedInOutput) request.includeSeedInOutput = true;
  if (values.collaborationId !== "") request.collaborationId = values.collaborationId;
  if (values.description !== "") request.description = values.description;
  if (filledRows(values.tags).length > 0) request.tags = rowsToMap(values.tags);
  return request;
}

/** A job as GetAudienceGenerationJob returns it, reduced to what the form can take back. */
interface StartJobFormSource {
  name: string;
  description?: string;
  configuredAudienceModelArn: string;
  seedAudience?: StartAudienceGenerationJobRequest["seedAudience"];
  includeSeedInOutput?: boolean;
  collaborationId?: string;
  tags?: Record<string, string>;
}

/** A new job's name from an old one: "<name> (copy)", cut to fit the limit. */
export function copyName(name: string): string {
  const suffix = " (copy)";
  const chars = [...name.replace(/ \(copy\)$/, "")];
  return chars.slice(0, NAME_MAX_LENGTH - suffix.length).join("") + suffix;
}

/**
 * Form values that start a job like `job` again, under a new name. The
 * description is left empty: it says what the old job was for (or why it
 * failed), which the new one has to say for itself; the form shows the old
 * one beside the field to take back on purpose.
 */
export function formValuesFromJob(job: StartJobFormSource): StartJobFormValues {
  const seed = job.seedAudience;
  const sql = seed?.sqlParameters;
  const worker = seed?.sqlComputeConfiguration?.worker;
  return {
    ...emptyStartJobForm,
    name: copyName(job.name),
    description: "",
    configuredAudienceModelArn: job.configuredAudienceModelArn,
    seedSource: sql ? (sql.analysisTemplateArn ? "ANALYSIS_TEMPLATE" : "SQL_QUERY") : "S3",
    s3Uri: seed?.dataSource?.s3Uri ?? "",
    queryString: sql?.queryString ?? "",
    analysisTemplateArn: sql?.analysisTemplateArn ?? "",
    parameters: mapToRows(sql?.parameters),
    roleArn: seed?.roleArn ?? "",
    workerType: worker?.type ?? "",
    workerCount: worker?.number === undefined ? "" : String(worker.number),
    sparkProperties: mapToRows(worker?.properties?.spark),
    includeSeedInOutput: job.includeSeedInOutput ?? false,
    collaborationId: job.collaborationId ?? "",
    // Tags of our own that record who did what are the server's to set, anew for the new job.
    tags: mapToRows(job.tags).filter((row) => !isDashboardTag(row.key)),
  };
}

type FormField = keyof StartJobFormValues;

/** Where each request member is edited on the form, most specific first. */
const REQUEST_PATH_TO_FIELD: [string, FormField][] = [
  ["seedAudience.sqlComputeConfiguration.worker.properties.spark", "sparkProperties"],
  ["seedAudience.sqlComputeConfiguration.worker.number", "workerCount"],
  ["seedAudience.sqlComputeConfiguration.worker.type", "workerType"],
  ["seedAudience.sqlComputeConfiguration", "workerCount"],
  ["seedAudience.sqlParameters.analysisTemplateArn", "analysisTemplateArn"],
  ["seedAudience.sqlParameters.queryString", "queryString"],
  ["seedAudience.sqlParameters.parameters", "parameters"],
  ["seedAudience.dataSource.s3Uri", "s3Uri"],
  ["seedAudience.dataSource", "s3Uri"],
  ["seedAudience.roleArn", "roleArn"],
  ["configuredAudienceModelArn", "configuredAudienceModelArn"],
  ["includeSeedInOutput", "includeSeedInOutput"],
  ["collaborationId", "collaborationId"],
  ["description", "description"],
  ["name", "name"],
  ["tags", "tags"],
];

/** The form field a request path (or a service message naming one) is about, if any. */
export function formFieldForRequestPath(pathOrMessage: string): FormField | undefined {
  return REQUEST_PATH_TO_FIELD.find(([path]) => pathOrMessage.includes(path))?.[1];
}

/**
 * A service message about a request member, in words: the member's path the
 * service puts in front ("tags: At most…", "seedAudience.sqlParameters.parameters.x: …")
 * is dropped, since the form shows the message beside that field. Of several
 * problems ("a: …; b: …"), the first.
 */
export function messageWithoutRequestPath(message: string): string {
  const first = message.split("; ")[0]!;
  const match = /^(\S+): (.+)$/s.exec(first);
  if (!match || formFieldForRequestPath(match[1]!) === undefined) return message;
  const text = match[2]!;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
