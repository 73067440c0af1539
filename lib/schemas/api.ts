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
import "@/lib/schemas/zod-config";

import { z } from "zod";

import {
  ANALYSIS_TEMPLATE_ARN_MAX_LENGTH,
  ANALYSIS_TEMPLATE_ARN_PATTERN,
  ARN_MAX_LENGTH,
  ARN_MIN_LENGTH,
  AUDIENCE_GENERATION_JOB_ARN_PATTERN,
  AUDIENCE_MODEL_ARN_PATTERN,
  AUDIENCE_SIZE_MAX,
  AUDIENCE_SIZE_MIN,
  AUDIENCE_SIZE_PERCENTAGE_MAX,
  AUDIENCE_SIZE_TYPES,
  codePointLength,
  COLLABORATION_ID_MESSAGE,
  CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN,
  DESCRIPTION_MAX_LENGTH,
  DESCRIPTION_PATTERN,
  IAM_ROLE_ARN_PATTERN,
  MAX_RESULTS_MAX,
  MAX_RESULTS_MIN,
  NAME_MAX_LENGTH,
  NAME_MIN_LENGTH,
  NAME_PATTERN,
  NEXT_TOKEN_MAX_LENGTH,
  PARAMETER_NAME_MAX_LENGTH,
  PARAMETER_NAME_PATTERN,
  PARAMETER_VALUE_MAX_LENGTH,
  QUERY_STRING_MAX_LENGTH,
  RESERVED_TAG_KEY_PATTERN,
  S3_PATH_MAX_LENGTH,
  S3_PATH_PATTERN,
  SPARK_PROPERTIES_MAX,
  SPARK_PROPERTY_KEY_MAX_LENGTH,
  SPARK_PROPERTY_VALUE_MAX_LENGTH,
  SQL_PARAMETERS_MAX,
  TAG_KEY_MAX_LENGTH,
  TAG_KEYS_MAX,
  TAG_VALUE_MAX_LENGTH,
  TAGGABLE_ARN_PATTERN,
  TAGS_MAX,
  UUID_PATTERN,
  WORKER_COUNT_MAX,
  WORKER_COUNT_MIN,
  WORKER_COUNT_RANGE,
  WORKER_TYPES,
} from "@/lib/schemas/limits";

export * from "@/lib/schemas/limits";

// ---------------------------------------------------------------------------
// Building blocks

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

export const uuidSchema = z
  .string({ error: "Collaboration ID must be text" })
  .regex(UUID_PATTERN, { message: COLLABORATION_ID_MESSAGE });

export const workerTypeSchema = z.enum(WORKER_TYPES, {
  error: `Worker type must be one of ${WORKER_TYPES.join(", ")}`,
});

/** Workers of a SQL seed, the only kind that has them (`WORKER_COUNT_MIN` in limits.ts says why 400). */
const WORKER_COUNT_MESSAGE = `Number of workers must be ${WORKER_COUNT_RANGE}`;
export const workerCountSchema = z
  .number({ error: "Number of workers must be a whole number" })
  .int({ message: "Number of workers must be a whole number" })
  .min(WORKER_COUNT_MIN, { message: WORKER_COUNT_MESSAGE })
  .max(WORKER_COUNT_MAX, { message: WORKER_COUNT_MESSAGE });

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

export const parameterMapSchema = record(parameterNameSchema, parameterValueSchema)
  .refine((params) => Object.keys(params).length <= SQL_PARAMETERS_MAX, {
    message: `At most ${SQL_PARAMETERS_MAX} SQL parameters are allowed`,
  })
  .describe(
    `SQL parameters by name; at most ${SQL_PARAMETERS_MAX}, the most an analysis template can declare (the model sets no count)`,
  );

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
