/**
 * Zod schemas of the Clean Rooms ML audience API inputs: the one place that
 * encodes the service's rules. The form, the server actions and the local
 * service all validate with these.
 *
 * Limits and patterns come from the official model
 * (`cleanroomsml-2023-09-06/service-2.json`). Where the service documentation
 * is stricter than the model, the documented rule wins and says so beside it.
 * Lengths count Unicode code points, as the service does.
 */
import { z } from "zod";

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
export const WORKER_TYPES = ["CR.1X", "CR.4X", "CR.8X"] as const;
export const WORKER_COUNT_MIN = 2;
export const WORKER_COUNT_MAX = 1024;
/** Service documentation: SQL query workloads run on 2 to 400 workers (the model allows 1,024). */
export const WORKER_COUNT_MAX_SQL = 400;
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
/** Service documentation: keys starting with `aws:` in any case are reserved. */
export const RESERVED_TAG_KEY_PATTERN = /^aws:/i;

// ---------------------------------------------------------------------------
// Building blocks

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

function text(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} must be text` })
    .refine((v) => min === 0 || v.length > 0, { message: `${label} is required`, abort: true })
    .refine((v) => codePointLength(v) >= min, {
      message: `${label} must be at least ${min} characters`,
      abort: true,
    })
    .refine((v) => codePointLength(v) <= max, {
      message: `${label} must be at most ${max.toLocaleString("en-US")} characters`,
      abort: true,
    });
}

/** ARNs check their form before their minimum length: "must look like …" says what to fix. */
function arn(label: string, pattern: RegExp, example: string, max = ARN_MAX_LENGTH) {
  return text(label, 1, max)
    .refine((v) => pattern.test(v), { message: `${label} must look like ${example}`, abort: true })
    .refine((v) => codePointLength(v) >= ARN_MIN_LENGTH, {
      message: `${label} must be at least ${ARN_MIN_LENGTH} characters`,
    });
}

export const nameSchema = text("Name", NAME_MIN_LENGTH, NAME_MAX_LENGTH).refine(
  (v) => NAME_PATTERN.test(v),
  { message: "Name must contain visible characters and no control characters" },
);

export const descriptionSchema = text("Description", 0, DESCRIPTION_MAX_LENGTH).refine(
  (v) => DESCRIPTION_PATTERN.test(v),
  { message: "Description must not contain control characters" },
);

export const configuredAudienceModelArnSchema = arn(
  "Configured audience model ARN",
  CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN,
  "arn:aws:cleanrooms-ml:<region>:<12-digit account>:configured-audience-model/<id>",
);

export const audienceModelArnSchema = arn(
  "Audience model ARN",
  AUDIENCE_MODEL_ARN_PATTERN,
  "arn:aws:cleanrooms-ml:<region>:<12-digit account>:audience-model/<id>",
);

export const audienceGenerationJobArnSchema = arn(
  "Audience generation job ARN",
  AUDIENCE_GENERATION_JOB_ARN_PATTERN,
  "arn:aws:cleanrooms-ml:<region>:<12-digit account>:audience-generation-job/<id>",
);

export const taggableArnSchema = arn(
  "Resource ARN",
  TAGGABLE_ARN_PATTERN,
  "arn:aws:cleanrooms-ml:<region>:<12-digit account>:<resource type>/<id>",
);

export const iamRoleArnSchema = arn(
  "IAM role ARN",
  IAM_ROLE_ARN_PATTERN,
  "arn:aws:iam::<12-digit account>:role/<role name>",
);

export const s3PathSchema = text("S3 URI", 1, S3_PATH_MAX_LENGTH).refine(
  (v) => S3_PATH_PATTERN.test(v),
  { message: "S3 URI must start with s3:// followed by a bucket and key" },
);

export const queryStringSchema = text("SQL query", 0, QUERY_STRING_MAX_LENGTH);

export const analysisTemplateArnSchema = arn(
  "Analysis template ARN",
  ANALYSIS_TEMPLATE_ARN_PATTERN,
  "arn:aws:cleanrooms:<region>:<12-digit account>:membership/<membership id>/analysistemplate/<id>",
  ANALYSIS_TEMPLATE_ARN_MAX_LENGTH,
);

export const parameterNameSchema = text("Parameter name", 1, PARAMETER_NAME_MAX_LENGTH).refine(
  (v) => PARAMETER_NAME_PATTERN.test(v),
  { message: "Parameter name may only contain letters, digits and underscores" },
);
export const parameterValueSchema = text("Parameter value", 0, PARAMETER_VALUE_MAX_LENGTH);

export const uuidSchema = z.string({ error: "Collaboration ID must be text" }).regex(UUID_PATTERN, {
  message: "Collaboration ID must be a lowercase UUID like 0f6b1c2e-1a2b-4c3d-8e9f-001122334455",
});

export const workerTypeSchema = z.enum(WORKER_TYPES, {
  error: `Worker type must be one of ${WORKER_TYPES.join(", ")}`,
});

export const workerCountSchema = z
  .number({ error: "Number of workers must be a whole number" })
  .int({ message: "Number of workers must be a whole number" })
  .min(WORKER_COUNT_MIN, { message: `Number of workers must be at least ${WORKER_COUNT_MIN}` })
  .max(WORKER_COUNT_MAX, { message: `Number of workers must be at most ${WORKER_COUNT_MAX}` });

export const sparkPropertyKeySchema = text("Spark property name", 1, SPARK_PROPERTY_KEY_MAX_LENGTH);
export const sparkPropertyValueSchema = text(
  "Spark property value",
  0,
  SPARK_PROPERTY_VALUE_MAX_LENGTH,
);

export const tagKeySchema = text("Tag key", 1, TAG_KEY_MAX_LENGTH).refine(
  (v) => !RESERVED_TAG_KEY_PATTERN.test(v),
  { message: "Tag keys starting with aws: (in any case) are reserved for AWS" },
);
export const tagValueSchema = text("Tag value", 0, TAG_VALUE_MAX_LENGTH);

/** A record that refuses a `__proto__` key, so no input can reach an object's prototype. */
function record<K extends z.ZodType<string>, V extends z.ZodType>(key: K, value: V) {
  const noPrototypeKey = z.custom<unknown>(
    (v) => !(typeof v === "object" && v !== null && Object.hasOwn(v, "__proto__")),
    { message: "must not contain the key __proto__" },
  );
  return noPrototypeKey.pipe(z.record(key, value));
}

export const tagMapSchema = record(tagKeySchema, tagValueSchema).refine(
  (tags) => Object.keys(tags).length <= TAGS_MAX,
  { message: `At most ${TAGS_MAX} tags are allowed` },
);

export const parameterMapSchema = record(parameterNameSchema, parameterValueSchema);

export const sparkPropertiesSchema = record(
  sparkPropertyKeySchema,
  sparkPropertyValueSchema,
).refine((props) => Object.keys(props).length <= SPARK_PROPERTIES_MAX, {
  message: `At most ${SPARK_PROPERTIES_MAX} Spark properties are allowed`,
});

export const audienceSizeTypeSchema = z.enum(AUDIENCE_SIZE_TYPES, {
  error: `Audience size type must be one of ${AUDIENCE_SIZE_TYPES.join(", ")}`,
});

export const audienceSizeSchema = z
  .strictObject({
    type: audienceSizeTypeSchema,
    value: z
      .number({ error: "Audience size must be a whole number" })
      .int({ message: "Audience size must be a whole number" })
      .min(AUDIENCE_SIZE_MIN, { message: `Audience size must be at least ${AUDIENCE_SIZE_MIN}` })
      .max(AUDIENCE_SIZE_MAX, {
        message: `Audience size must be at most ${AUDIENCE_SIZE_MAX.toLocaleString("en-US")}`,
      }),
  })
  .refine((s) => s.type !== "PERCENTAGE" || s.value <= AUDIENCE_SIZE_PERCENTAGE_MAX, {
    message: `A percentage audience size must be between 1 and ${AUDIENCE_SIZE_PERCENTAGE_MAX}`,
    path: ["value"],
  });

// ---------------------------------------------------------------------------
// Operation inputs

/** Exactly one member may be set in a union structure of the model. */
function exactlyOne<T extends Record<string, unknown>>(keys: (keyof T & string)[], label: string) {
  return (value: T, ctx: z.RefinementCtx) => {
    const set = keys.filter((k) => value[k] !== undefined);
    if (set.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: `${label} must set exactly one of ${keys.join(", ")}`,
      });
    }
  };
}

export const workerComputeConfigurationSchema = z.strictObject({
  type: workerTypeSchema.optional(),
  number: workerCountSchema.optional(),
  properties: z
    .strictObject({ spark: sparkPropertiesSchema.optional() })
    .superRefine(exactlyOne(["spark"], "properties"))
    .optional(),
});

export const computeConfigurationSchema = z
  .strictObject({ worker: workerComputeConfigurationSchema.optional() })
  .superRefine(exactlyOne(["worker"], "sqlComputeConfiguration"));

export const protectedQuerySqlParametersSchema = z.strictObject({
  queryString: queryStringSchema.optional(),
  analysisTemplateArn: analysisTemplateArnSchema.optional(),
  parameters: parameterMapSchema.optional(),
});

export const audienceGenerationJobDataSourceSchema = z
  .strictObject({
    dataSource: z.strictObject({ s3Uri: s3PathSchema }).optional(),
    roleArn: iamRoleArnSchema,
    sqlParameters: protectedQuerySqlParametersSchema.optional(),
    sqlComputeConfiguration: computeConfigurationSchema.optional(),
  })
  .superRefine((seed, ctx) => {
    const sources = [seed.dataSource, seed.sqlParameters].filter((s) => s !== undefined);
    if (sources.length !== 1) {
      ctx.addIssue({
        code: "custom",
        message:
          "seedAudience must set exactly one of dataSource (an S3 file) or sqlParameters (a SQL query or analysis template)",
      });
    }
    const sql = seed.sqlParameters;
    if (sql) {
      const hasQuery = sql.queryString !== undefined && sql.queryString.trim() !== "";
      const hasTemplate = sql.analysisTemplateArn !== undefined;
      if (hasQuery === hasTemplate) {
        ctx.addIssue({
          code: "custom",
          path: ["sqlParameters"],
          message: "sqlParameters must set exactly one of queryString or analysisTemplateArn",
        });
      }
    }
    if (seed.sqlComputeConfiguration && !sql) {
      ctx.addIssue({
        code: "custom",
        path: ["sqlComputeConfiguration"],
        message: "sqlComputeConfiguration applies only to a seed from sqlParameters",
      });
    }
    const workers = seed.sqlComputeConfiguration?.worker?.number;
    if (sql && workers !== undefined && workers > WORKER_COUNT_MAX_SQL) {
      ctx.addIssue({
        code: "custom",
        path: ["sqlComputeConfiguration", "worker", "number"],
        message: `Number of workers must be at most ${WORKER_COUNT_MAX_SQL} for a SQL seed`,
      });
    }
  });

export const startAudienceGenerationJobRequestSchema = z.strictObject({
  name: nameSchema,
  configuredAudienceModelArn: configuredAudienceModelArnSchema,
  seedAudience: audienceGenerationJobDataSourceSchema,
  includeSeedInOutput: z.boolean({ error: "includeSeedInOutput must be true or false" }).optional(),
  collaborationId: uuidSchema.optional(),
  description: descriptionSchema.optional(),
  tags: tagMapSchema.optional(),
});
export type StartAudienceGenerationJobRequest = z.infer<
  typeof startAudienceGenerationJobRequestSchema
>;

export const startAudienceExportJobRequestSchema = z.strictObject({
  name: nameSchema,
  audienceGenerationJobArn: audienceGenerationJobArnSchema,
  audienceSize: audienceSizeSchema,
  description: descriptionSchema.optional(),
});
export type StartAudienceExportJobRequest = z.infer<typeof startAudienceExportJobRequestSchema>;

export const tagResourceRequestSchema = z.strictObject({
  resourceArn: taggableArnSchema,
  tags: tagMapSchema,
});

export const untagResourceRequestSchema = z.strictObject({
  resourceArn: taggableArnSchema,
  tagKeys: z
    .array(text("Tag key", 1, TAG_KEY_MAX_LENGTH))
    .max(TAG_KEYS_MAX, { message: `At most ${TAG_KEYS_MAX} tag keys may be removed at once` }),
});

export const maxResultsSchema = z.coerce
  .number({ error: "maxResults must be a whole number" })
  .int({ message: "maxResults must be a whole number" })
  .min(MAX_RESULTS_MIN, { message: `maxResults must be at least ${MAX_RESULTS_MIN}` })
  .max(MAX_RESULTS_MAX, { message: `maxResults must be at most ${MAX_RESULTS_MAX}` });

export const nextTokenSchema = text("nextToken", 1, NEXT_TOKEN_MAX_LENGTH);

export const listAudienceGenerationJobsRequestSchema = z.strictObject({
  nextToken: nextTokenSchema.optional(),
  maxResults: maxResultsSchema.optional(),
  configuredAudienceModelArn: configuredAudienceModelArnSchema.optional(),
  collaborationId: uuidSchema.optional(),
});

export const listAudienceExportJobsRequestSchema = z.strictObject({
  nextToken: nextTokenSchema.optional(),
  maxResults: maxResultsSchema.optional(),
  audienceGenerationJobArn: audienceGenerationJobArnSchema.optional(),
});

export const listPageRequestSchema = z.strictObject({
  nextToken: nextTokenSchema.optional(),
  maxResults: maxResultsSchema.optional(),
});
