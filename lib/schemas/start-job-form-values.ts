/**
 * The start-job form's values without zod: their type, the empty form, how
 * values become a StartAudienceGenerationJob request (the live preview) and
 * how a job or a request path maps back onto the form. The form page imports
 * this module and loads the rules (`./start-job-form`, which builds on this
 * one and re-exports it) on the form's first check: with zod at load the new
 * job page's JavaScript measured 1.80× the empty app, over its 1.6× budget
 * (docs/ARCHITECTURE.md, "Page weight").
 */
import { isDashboardTag, recordWho, STARTED_BY_TAG } from "@/lib/schemas/dashboard-tags";

import type { StartAudienceGenerationJobRequest } from "./api";
import { NAME_MAX_LENGTH, type WorkerType } from "./limits";
import { filledRows, isBlankRow, type KeyValueRow } from "./rows";

/** Blank rows are ignored everywhere (`./rows`). */
export { filledRows, isBlankRow, type KeyValueRow };

export const SEED_SOURCES = ["S3", "SQL_QUERY", "ANALYSIS_TEMPLATE"] as const;
export type SeedSource = (typeof SEED_SOURCES)[number];

// A type, not an interface: the values are also read as a plain record (`Record<string, unknown>`).
export type StartJobFormValues = {
  name: string;
  description: string;
  configuredAudienceModelArn: string;
  seedSource: SeedSource;
  s3Uri: string;
  queryString: string;
  analysisTemplateArn: string;
  parameters: KeyValueRow[];
  roleArn: string;
  workerType: "" | WorkerType;
  /** Text as typed; empty means "let the service choose". */
  workerCount: string;
  sparkProperties: KeyValueRow[];
  includeSeedInOutput: boolean;
  collaborationId: string;
  tags: KeyValueRow[];
};

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

/**
 * The request a direct start sends for these values: the form's request with
 * the person who started it recorded (`dashboard:started-by`; tags of ours
 * from elsewhere dropped). The start action sends it; a schedule's target
 * input is built from it (`lib/schedules/target-input.ts`), so both say the same.
 */
export function startRequestFor(
  values: StartJobFormValues,
  identity: string | undefined,
): StartAudienceGenerationJobRequest {
  const request = toStartRequest(values);
  const tags = recordWho(request.tags, STARTED_BY_TAG, identity);
  if (tags) request.tags = tags;
  else delete request.tags;
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

/** A date as the copy's name carries it: yyyy-mm-dd, the day in UTC (as the job list's times are kept). */
const isoDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * A new job's name from an old one: "<name> <yyyy-mm-dd>", the day it is
 * started, so a weekly run tells its copies apart; the old name's own date (or
 * an older "(copy)") is replaced, not piled up, and the name cut to fit the
 * limit. `today` is injected so tests do not depend on the date.
 */
export function copyName(name: string, today: Date = new Date()): string {
  const suffix = ` ${isoDay(today)}`;
  const chars = [...name.replace(/( \(copy\)| \d{4}-\d{2}-\d{2})+$/, "")];
  return chars.slice(0, NAME_MAX_LENGTH - suffix.length).join("") + suffix;
}

/**
 * Form values that start a job like `job` again, under a new name. The
 * description is left empty: it says what the old job was for (or why it
 * failed), which the new one has to say for itself; the form shows the old
 * one beside the field to take back on purpose.
 */
export function formValuesFromJob(
  job: StartJobFormSource,
  today: Date = new Date(),
): StartJobFormValues {
  const seed = job.seedAudience;
  const sql = seed?.sqlParameters;
  const worker = seed?.sqlComputeConfiguration?.worker;
  return {
    ...emptyStartJobForm,
    name: copyName(job.name, today),
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
