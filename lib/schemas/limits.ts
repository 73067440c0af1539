/**
 * The Clean Rooms ML audience API's limits, enumerations and patterns as plain
 * data, with no zod in them: the browser code that only shows a limit or tests
 * a pattern (the jobs list, hints, counters) imports this module and stays
 * light. `lib/schemas/api.ts` builds the zod schemas from the same constants
 * and re-exports them, so each rule is still written once.
 *
 * Limits and patterns come from the official model
 * (`cleanroomsml-2023-09-06/service-2.json`). Where the service documentation
 * is stricter than the model, the documented rule wins and says so beside it.
 * Lengths count Unicode code points, as the service does.
 */

// ---------------------------------------------------------------------------
// Limits (from the model unless noted)

export const NAME_MIN_LENGTH = 1;
export const NAME_MAX_LENGTH = 63;
export const DESCRIPTION_MAX_LENGTH = 255;
export const ARN_MIN_LENGTH = 20;
export const ARN_MAX_LENGTH = 2048;
export const S3_PATH_MAX_LENGTH = 1285;
export const QUERY_STRING_MAX_LENGTH = 500_000;
export const ANALYSIS_TEMPLATE_ARN_MAX_LENGTH = 200;
export const PARAMETER_NAME_MAX_LENGTH = 100;
export const PARAMETER_VALUE_MAX_LENGTH = 1000;
/**
 * Ours, not the model's (its ParameterMap sets no count): at most 50 SQL
 * parameters per seed, the most an AWS Clean Rooms analysis template can
 * declare (`AnalysisParameterList` max 50 in cleanrooms-2022-02-17), so no
 * query can use more. Without a limit one request carried 30,000.
 */
export const SQL_PARAMETERS_MAX = 50;
export const WORKER_TYPES = ["CR.1X", "CR.4X", "CR.8X"] as const;
export type WorkerType = (typeof WORKER_TYPES)[number];
/**
 * Number of workers: 2 to 400, for every seed that has workers. Only a seed
 * from SQL (a query or an analysis template) has them: `sqlComputeConfiguration`
 * applies only with `sqlParameters`, so an S3 seed has no worker number at all.
 * A SQL seed runs as an AWS Clean Rooms protected query, whose worker number is
 * 2 to 400 (cleanrooms-2022-02-17, `WorkerComputeConfigurationNumberInteger`:
 * "SQL queries support a minimum value of 2 and a maximum value of 400").
 * This model's own shape allows up to 1,024, but no request can use more than
 * 400, so 400 is the limit: the hint (`WORKER_COUNT_RANGE`), the message and
 * the schema all say it from here.
 */
export const WORKER_COUNT_MIN = 2;
export const WORKER_COUNT_MAX = 400;
/** The model's bound (`WorkerComputeConfigurationNumberInteger` max), which no SQL seed reaches. */
export const WORKER_COUNT_MODEL_MAX = 1024;
/** The limit in words, for the hint and the message alike. */
export const WORKER_COUNT_RANGE = `from ${WORKER_COUNT_MIN} to ${WORKER_COUNT_MAX}`;
export const SPARK_PROPERTIES_MAX = 50;
export const SPARK_PROPERTY_KEY_MAX_LENGTH = 200;
export const SPARK_PROPERTY_VALUE_MAX_LENGTH = 500;
/** Service documentation: at most 50 user tags per resource (the model's map allows 200). */
export const TAGS_MAX = 50;
export const TAG_KEY_MAX_LENGTH = 128;
export const TAG_VALUE_MAX_LENGTH = 256;
export const TAG_KEYS_MAX = 200;
export const AUDIENCE_SIZE_MIN = 1;
export const AUDIENCE_SIZE_MAX = 20_000_000;
export const AUDIENCE_SIZE_PERCENTAGE_MAX = 100;
export const MAX_RESULTS_MIN = 1;
export const MAX_RESULTS_MAX = 100;
export const NEXT_TOKEN_MAX_LENGTH = 10_240;
/** Service documentation: a seed audience holds 25 to 500,000 unique user IDs. */
export const SEED_USERS_MIN = 25;
export const SEED_USERS_MAX = 500_000;

export const AUDIENCE_GENERATION_JOB_STATUSES = [
  "CREATE_PENDING",
  "CREATE_IN_PROGRESS",
  "CREATE_FAILED",
  "ACTIVE",
  "DELETE_PENDING",
  "DELETE_IN_PROGRESS",
  "DELETE_FAILED",
] as const;
export const AUDIENCE_EXPORT_JOB_STATUSES = [
  "CREATE_PENDING",
  "CREATE_IN_PROGRESS",
  "CREATE_FAILED",
  "ACTIVE",
] as const;
export const AUDIENCE_SIZE_TYPES = ["ABSOLUTE", "PERCENTAGE"] as const;

// ---------------------------------------------------------------------------
// Patterns (anchored; the model's character classes written for JavaScript)

/** The model's printable-text class: tab, U+0020–U+D7FF, U+E000–U+FFFD and all supplementary characters. */
const TEXT_CHARS = "\\t\\u0020-\\uD7FF\\uE000-\\uFFFD\\u{10000}-\\u{10FFFF}";
export const NAME_PATTERN = new RegExp(`^(?!\\s*$)[${TEXT_CHARS}]*$`, "u");
export const DESCRIPTION_PATTERN = new RegExp(`^[${TEXT_CHARS}\\r\\n]*$`, "u");
export const CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN =
  /^arn:aws[-a-z]*:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:configured-audience-model\/[-a-zA-Z0-9_/.]+$/;
export const AUDIENCE_MODEL_ARN_PATTERN =
  /^arn:aws[-a-z]*:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:audience-model\/[-a-zA-Z0-9_/.]+$/;
export const AUDIENCE_GENERATION_JOB_ARN_PATTERN =
  /^arn:aws[-a-z]*:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:audience-generation-job\/[-a-zA-Z0-9_/.]+$/;
export const TAGGABLE_ARN_PATTERN =
  /^arn:aws[-a-z]*:cleanrooms-ml:[-a-z0-9]+:[0-9]{12}:((membership\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\/(configured-model-algorithm-association|trained-model|trained-model-inference-job|ml-input-channel))|training-dataset|audience-model|configured-audience-model|audience-generation-job|configured-model-algorithm)\/[-a-zA-Z0-9_/.]+$/;
export const IAM_ROLE_ARN_PATTERN = /^arn:aws[-a-z]*:iam::[0-9]{12}:role\/.+$/;
export const S3_PATH_PATTERN = /^s3:\/\/.+$/;
export const ANALYSIS_TEMPLATE_ARN_PATTERN =
  /^arn:aws[-a-z]*:cleanrooms:[\w]{2}-[\w]{4,9}-[\d]:[\d]{12}:membership\/[\d\w-]+\/analysistemplate\/[\d\w-]+$/;
export const PARAMETER_NAME_PATTERN = /^[0-9a-zA-Z_]+$/;
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const COLLABORATION_ID_MESSAGE =
  "Collaboration ID must be a lowercase UUID like 0f6b1c2e-1a2b-4c3d-8e9f-001122334455";
/** Service documentation: keys starting with `aws:` in any case are reserved. */
export const RESERVED_TAG_KEY_PATTERN = /^aws:/i;

// ---------------------------------------------------------------------------
// Counting

/** Length in Unicode code points, the way the service counts characters. */
export function codePointLength(value: string): number {
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const unit = value.charCodeAt(i);
    // A high surrogate followed by a low one is one character.
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < value.length) {
      const next = value.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    n++;
  }
  return n;
}

/** True for an ARN of the pattern's kind whose length (in code points) the model allows. */
export function isArnOf(value: string, pattern: RegExp, max = ARN_MAX_LENGTH): boolean {
  const length = codePointLength(value);
  return length >= ARN_MIN_LENGTH && length <= max && pattern.test(value);
}
