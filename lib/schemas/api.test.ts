/**
 * Boundaries of every limit and pattern of StartAudienceGenerationJobRequest
 * (min − 1, min, max, max + 1, pattern), as the official model and the
 * service documentation state them.
 */
import { describe, expect, it } from "vitest";

import {
  ANALYSIS_TEMPLATE_ARN_MAX_LENGTH,
  ARN_MAX_LENGTH,
  DESCRIPTION_MAX_LENGTH,
  NAME_MAX_LENGTH,
  NAME_MIN_LENGTH,
  PARAMETER_NAME_MAX_LENGTH,
  PARAMETER_VALUE_MAX_LENGTH,
  QUERY_STRING_MAX_LENGTH,
  S3_PATH_MAX_LENGTH,
  SPARK_PROPERTIES_MAX,
  SPARK_PROPERTY_KEY_MAX_LENGTH,
  SPARK_PROPERTY_VALUE_MAX_LENGTH,
  SQL_PARAMETERS_MAX,
  startAudienceGenerationJobRequestSchema,
  TAG_KEY_MAX_LENGTH,
  TAG_VALUE_MAX_LENGTH,
  TAGS_MAX,
  WORKER_COUNT_MAX,
  WORKER_COUNT_MIN,
  WORKER_COUNT_MODEL_MAX,
  type StartAudienceGenerationJobRequest,
} from "./api";
import { formatIssues } from "./issues";

const MODEL = "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/m-1";
const ROLE = "arn:aws:iam::123456789012:role/SeedReader";
const TEMPLATE =
  "arn:aws:cleanrooms:us-east-1:123456789012:membership/1a2b3c4d-0000-1111-2222-333344445555/analysistemplate/t-1";
const UUID = "0f6b1c2e-1a2b-4c3d-8e9f-001122334455";

type Request = StartAudienceGenerationJobRequest;
type Seed = Request["seedAudience"];

const s3Request = (over: Partial<Request> = {}): Request => ({
  name: "Spring",
  configuredAudienceModelArn: MODEL,
  seedAudience: { roleArn: ROLE, dataSource: { s3Uri: "s3://bucket/seed.jsonl" } },
  ...over,
});
const sqlRequest = (seed: Partial<Seed> = {}): Request =>
  s3Request({
    seedAudience: {
      roleArn: ROLE,
      sqlParameters: { queryString: "SELECT user_id FROM t" },
      ...seed,
    },
  });
const withSeed = (seed: Partial<Seed>): Request =>
  s3Request({ seedAudience: { ...s3Request().seedAudience, ...seed } });
const workers = (worker: NonNullable<Seed["sqlComputeConfiguration"]>["worker"]) =>
  sqlRequest({ sqlComputeConfiguration: { worker } });

/** `n` characters of `char` (each one code point). */
const chars = (n: number, char = "a") => char.repeat(n);
/** A string `length` code points long that still matches `prefix…`. */
const padded = (prefix: string, length: number, fill = "a") =>
  prefix + fill.repeat(length - prefix.length);
const manyEntries = (n: number, value = "") =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, value]));

function check(request: unknown) {
  const result = startAudienceGenerationJobRequestSchema.safeParse(request);
  return result.success ? "ok" : formatIssues(result.error);
}
const accepts = (request: unknown) => expect(check(request)).toBe("ok");
const rejects = (request: unknown, message: RegExp) => expect(check(request)).toMatch(message);

describe("name", () => {
  it("takes 1 to 63 characters, counted as code points", () => {
    rejects(s3Request({ name: chars(NAME_MIN_LENGTH - 1) }), /name: Name is required/);
    accepts(s3Request({ name: chars(NAME_MIN_LENGTH) }));
    accepts(s3Request({ name: chars(NAME_MAX_LENGTH) }));
    rejects(
      s3Request({ name: chars(NAME_MAX_LENGTH + 1) }),
      /name: Name must be at most 63 characters/,
    );
    // Emoji are two UTF-16 units but one character to the service.
    accepts(s3Request({ name: chars(NAME_MAX_LENGTH, "🎯") }));
    rejects(s3Request({ name: chars(NAME_MAX_LENGTH + 1, "🎯") }), /at most 63/);
  });

  it("needs a visible character and refuses control characters", () => {
    rejects(s3Request({ name: "   " }), /name: Name must contain visible characters/);
    rejects(
      s3Request({ name: "a\nb" }),
      /name: Name must contain visible characters and no control characters/,
    );
    rejects(s3Request({ name: "a\u0007b" }), /name:/);
    accepts(s3Request({ name: "\tTabbed name" }));
    accepts(s3Request({ name: "Fête d'été 2025 – VIP" }));
  });
});

describe("description", () => {
  it("takes 0 to 255 characters", () => {
    accepts(s3Request({ description: "" }));
    accepts(s3Request({ description: chars(DESCRIPTION_MAX_LENGTH) }));
    rejects(
      s3Request({ description: chars(DESCRIPTION_MAX_LENGTH + 1) }),
      /description: Description must be at most 255/,
    );
  });

  it("allows line breaks but no other control characters", () => {
    accepts(s3Request({ description: "line 1\r\nline 2\tend" }));
    rejects(
      s3Request({ description: "bell \u0007" }),
      /description: Description must not contain control characters/,
    );
  });
});

describe("configuredAudienceModelArn", () => {
  it("must be a configured audience model ARN", () => {
    rejects(
      s3Request({ configuredAudienceModelArn: "" }),
      /configuredAudienceModelArn: Configured audience model ARN is required/,
    );
    rejects(
      s3Request({
        configuredAudienceModelArn: MODEL.replace("configured-audience-model", "audience-model"),
      }),
      /configuredAudienceModelArn: .* must look like/,
    );
    rejects(
      s3Request({ configuredAudienceModelArn: MODEL.replace("123456789012", "12345") }),
      /must look like/,
    );
    rejects(s3Request({ configuredAudienceModelArn: `${MODEL} ` }), /must look like/);
  });

  it("takes at most 2048 characters", () => {
    accepts(s3Request({ configuredAudienceModelArn: padded(MODEL, ARN_MAX_LENGTH) }));
    rejects(
      s3Request({ configuredAudienceModelArn: padded(MODEL, ARN_MAX_LENGTH + 1) }),
      /at most 2,048/,
    );
  });
});

describe("seedAudience.dataSource.s3Uri", () => {
  it("takes 1 to 1285 characters starting s3://", () => {
    rejects(
      withSeed({ dataSource: { s3Uri: "" } }),
      /seedAudience.dataSource.s3Uri: S3 URI is required/,
    );
    accepts(withSeed({ dataSource: { s3Uri: "s3://b" } }));
    accepts(withSeed({ dataSource: { s3Uri: padded("s3://b/", S3_PATH_MAX_LENGTH) } }));
    rejects(
      withSeed({ dataSource: { s3Uri: padded("s3://b/", S3_PATH_MAX_LENGTH + 1) } }),
      /at most 1,285/,
    );
  });

  it("must start s3:// with something after it", () => {
    rejects(withSeed({ dataSource: { s3Uri: "s3://" } }), /S3 URI must start with s3:\/\//);
    rejects(
      withSeed({ dataSource: { s3Uri: "https://bucket/key" } }),
      /S3 URI must start with s3:\/\//,
    );
    rejects(
      withSeed({ dataSource: { s3Uri: "S3://bucket/key" } }),
      /S3 URI must start with s3:\/\//,
    );
  });
});

describe("seedAudience.roleArn", () => {
  it("is required and must be an IAM role ARN", () => {
    rejects(withSeed({ roleArn: "" }), /seedAudience.roleArn: IAM role ARN is required/);
    rejects(
      withSeed({ roleArn: "arn:aws:iam::123456789012:user/bob" }),
      /IAM role ARN must look like/,
    );
    rejects(withSeed({ roleArn: "arn:aws:iam::12345678901:role/r" }), /must look like/);
    rejects(withSeed({ roleArn: "arn:aws:iam::123456789012:role/" }), /must look like/);
    accepts(withSeed({ roleArn: "arn:aws-cn:iam::123456789012:role/path/to/Role" }));
  });

  it("is at least 20 and at most 2048 characters", () => {
    // The shortest ARN the pattern allows is already longer than the minimum of 20.
    accepts(withSeed({ roleArn: "arn:aws:iam::123456789012:role/r" }));
    accepts(withSeed({ roleArn: padded(ROLE, ARN_MAX_LENGTH) }));
    rejects(
      withSeed({ roleArn: padded(ROLE, ARN_MAX_LENGTH + 1) }),
      /seedAudience.roleArn: .*at most 2,048/,
    );
  });
});

describe("seedAudience.sqlParameters", () => {
  it("takes a query of up to 500,000 characters", () => {
    accepts(sqlRequest({ sqlParameters: { queryString: chars(QUERY_STRING_MAX_LENGTH) } }));
    rejects(
      sqlRequest({ sqlParameters: { queryString: chars(QUERY_STRING_MAX_LENGTH + 1) } }),
      /at most 500,000/,
    );
  });

  it("takes an analysis template ARN of up to 200 characters in the template's form", () => {
    accepts(sqlRequest({ sqlParameters: { analysisTemplateArn: TEMPLATE } }));
    accepts(
      sqlRequest({
        sqlParameters: { analysisTemplateArn: padded(TEMPLATE, ANALYSIS_TEMPLATE_ARN_MAX_LENGTH) },
      }),
    );
    rejects(
      sqlRequest({
        sqlParameters: {
          analysisTemplateArn: padded(TEMPLATE, ANALYSIS_TEMPLATE_ARN_MAX_LENGTH + 1),
        },
      }),
      /Analysis template ARN must be at most 200/,
    );
    rejects(
      sqlRequest({
        sqlParameters: {
          analysisTemplateArn: TEMPLATE.replace("analysistemplate", "configuredtable"),
        },
      }),
      /Analysis template ARN must look like/,
    );
    rejects(
      sqlRequest({
        sqlParameters: { analysisTemplateArn: TEMPLATE.replace("us-east-1", "useast1") },
      }),
      /must look like/,
    );
  });

  it("needs exactly one of a query or a template", () => {
    rejects(sqlRequest({ sqlParameters: {} }), /exactly one of queryString or analysisTemplateArn/);
    rejects(
      sqlRequest({ sqlParameters: { queryString: "  " } }),
      /exactly one of queryString or analysisTemplateArn/,
    );
    rejects(
      sqlRequest({ sqlParameters: { queryString: "SELECT 1", analysisTemplateArn: TEMPLATE } }),
      /exactly one of queryString or analysisTemplateArn/,
    );
  });

  it("takes parameter names of 1 to 100 letters, digits and underscores", () => {
    const params = (parameters: Record<string, string>) =>
      sqlRequest({ sqlParameters: { queryString: "q", parameters } });
    rejects(params({ "": "v" }), /Parameter name is required/);
    accepts(params({ a: "v" }));
    accepts(params({ [chars(PARAMETER_NAME_MAX_LENGTH)]: "v" }));
    rejects(
      params({ [chars(PARAMETER_NAME_MAX_LENGTH + 1)]: "v" }),
      /Parameter name must be at most 100/,
    );
    rejects(params({ "min-spend": "v" }), /letters, digits and underscores/);
    accepts(params({ Min_Spend_2: "v" }));
  });

  it("takes parameter values of 0 to 1000 characters", () => {
    const params = (value: string) =>
      sqlRequest({ sqlParameters: { queryString: "q", parameters: { p: value } } });
    accepts(params(""));
    accepts(params(chars(PARAMETER_VALUE_MAX_LENGTH)));
    rejects(params(chars(PARAMETER_VALUE_MAX_LENGTH + 1)), /Parameter value must be at most 1,000/);
  });

  it("takes at most SQL_PARAMETERS_MAX parameters (the model sets no count)", () => {
    const many = (n: number) =>
      sqlRequest({
        sqlParameters: {
          queryString: "q",
          parameters: Object.fromEntries(Array.from({ length: n }, (_, i) => [`p${i}`, "v"])),
        },
      });
    expect(SQL_PARAMETERS_MAX).toBe(50);
    accepts(many(SQL_PARAMETERS_MAX));
    rejects(many(SQL_PARAMETERS_MAX + 1), /At most 50 SQL parameters are allowed/);
    rejects(many(30_000), /At most 50 SQL parameters are allowed/);
  });
});

describe("seedAudience.sqlComputeConfiguration", () => {
  it("takes the model's worker types only", () => {
    for (const type of ["CR.1X", "CR.4X", "CR.8X"] as const) accepts(workers({ type }));
    rejects(
      workers({ type: "CR.2X" as "CR.1X" }),
      /Worker type must be one of CR.1X, CR.4X, CR.8X/,
    );
  });

  it("takes 2 to 400 workers, the SQL limit every seed with workers has, with one message", () => {
    expect([WORKER_COUNT_MIN, WORKER_COUNT_MAX]).toEqual([2, 400]);
    rejects(workers({ number: WORKER_COUNT_MIN - 1 }), /Number of workers must be from 2 to 400$/);
    accepts(workers({ number: WORKER_COUNT_MIN }));
    accepts(workers({ number: WORKER_COUNT_MAX }));
    rejects(workers({ number: WORKER_COUNT_MAX + 1 }), /Number of workers must be from 2 to 400$/);
    rejects(
      workers({ number: WORKER_COUNT_MODEL_MAX }),
      /Number of workers must be from 2 to 400$/,
    );
    rejects(
      workers({ number: WORKER_COUNT_MODEL_MAX + 1 }),
      /Number of workers must be from 2 to 400$/,
    );
    rejects(workers({ number: 2.5 }), /whole number/);
  });

  it("takes 0 to 50 Spark properties, keys of 1 to 200 and values of up to 500 characters", () => {
    const spark = (props: Record<string, string>) => workers({ properties: { spark: props } });
    accepts(spark({}));
    accepts(spark(manyEntries(SPARK_PROPERTIES_MAX)));
    rejects(spark(manyEntries(SPARK_PROPERTIES_MAX + 1)), /At most 50 Spark properties/);
    rejects(spark({ "": "v" }), /Spark property name is required/);
    accepts(spark({ [chars(SPARK_PROPERTY_KEY_MAX_LENGTH)]: "v" }));
    rejects(
      spark({ [chars(SPARK_PROPERTY_KEY_MAX_LENGTH + 1)]: "v" }),
      /Spark property name must be at most 200/,
    );
    accepts(spark({ k: chars(SPARK_PROPERTY_VALUE_MAX_LENGTH) }));
    rejects(
      spark({ k: chars(SPARK_PROPERTY_VALUE_MAX_LENGTH + 1) }),
      /Spark property value must be at most 500/,
    );
  });

  it("is a union of exactly one member, and only for a query seed", () => {
    rejects(
      sqlRequest({ sqlComputeConfiguration: {} as never }),
      /sqlComputeConfiguration must set exactly one of worker/,
    );
    rejects(workers({ properties: {} as never }), /properties must set exactly one of spark/);
    rejects(
      withSeed({ sqlComputeConfiguration: { worker: { type: "CR.1X" } } }),
      /sqlComputeConfiguration applies only to a seed from sqlParameters/,
    );
  });
});

describe("seedAudience sources", () => {
  it("needs exactly one of an S3 file or SQL parameters", () => {
    rejects(s3Request({ seedAudience: { roleArn: ROLE } }), /exactly one of dataSource/);
    rejects(
      withSeed({ sqlParameters: { queryString: "SELECT 1" } }),
      /exactly one of dataSource \(an S3 file\) or sqlParameters/,
    );
  });
});

describe("includeSeedInOutput", () => {
  it("is a boolean when present", () => {
    accepts(s3Request({ includeSeedInOutput: true }));
    accepts(s3Request({ includeSeedInOutput: false }));
    rejects(
      { ...s3Request(), includeSeedInOutput: "true" },
      /includeSeedInOutput must be true or false/,
    );
  });
});

describe("collaborationId", () => {
  it("is a lowercase UUID of exactly 36 characters", () => {
    accepts(s3Request({ collaborationId: UUID }));
    rejects(
      s3Request({ collaborationId: UUID.slice(0, 35) }),
      /collaborationId: Collaboration ID must be a lowercase UUID/,
    );
    rejects(s3Request({ collaborationId: `${UUID}0` }), /lowercase UUID/);
    rejects(s3Request({ collaborationId: UUID.toUpperCase() }), /lowercase UUID/);
    rejects(s3Request({ collaborationId: UUID.replace(/-/g, "") }), /lowercase UUID/);
  });
});

describe("tags", () => {
  it("takes at most 50 tags (the documented limit within the model's 200)", () => {
    accepts(s3Request({ tags: {} }));
    accepts(s3Request({ tags: manyEntries(TAGS_MAX) }));
    rejects(s3Request({ tags: manyEntries(TAGS_MAX + 1) }), /tags: At most 50 tags/);
  });

  it("takes keys of 1 to 128 characters", () => {
    rejects(s3Request({ tags: { "": "v" } }), /Tag key is required/);
    accepts(s3Request({ tags: { k: "v" } }));
    accepts(s3Request({ tags: { [chars(TAG_KEY_MAX_LENGTH)]: "v" } }));
    rejects(
      s3Request({ tags: { [chars(TAG_KEY_MAX_LENGTH + 1)]: "v" } }),
      /Tag key must be at most 128/,
    );
  });

  it("takes values of 0 to 256 characters", () => {
    accepts(s3Request({ tags: { k: "" } }));
    accepts(s3Request({ tags: { k: chars(TAG_VALUE_MAX_LENGTH) } }));
    rejects(
      s3Request({ tags: { k: chars(TAG_VALUE_MAX_LENGTH + 1) } }),
      /Tag value must be at most 256/,
    );
  });

  it("refuses keys starting aws: in any case, but not values, and keeps keys case-sensitive", () => {
    for (const key of ["aws:team", "AWS:team", "Aws:team", "aWs:", "aws:"]) {
      rejects(s3Request({ tags: { [key]: "v" } }), /reserved for AWS/);
    }
    accepts(s3Request({ tags: { team: "aws:value", "x-aws:team": "v", awsome: "v", aws: "v" } }));
    accepts(s3Request({ tags: { Team: "a", team: "b" } }));
  });

  it("refuses a __proto__ key", () => {
    rejects(s3Request({ tags: JSON.parse('{"__proto__": "x"}') }), /__proto__/);
  });
});

describe("the request as a whole", () => {
  it("refuses members the model does not have", () => {
    rejects({ ...s3Request(), colour: "blue" }, /colour/);
    rejects({ ...s3Request(), seedAudience: { ...s3Request().seedAudience, extra: 1 } }, /extra/);
  });

  it("accepts a request with every member set", () => {
    accepts({
      name: "Everything",
      configuredAudienceModelArn: MODEL,
      seedAudience: {
        roleArn: ROLE,
        sqlParameters: { analysisTemplateArn: TEMPLATE, parameters: { min_spend: "100" } },
        sqlComputeConfiguration: {
          worker: {
            type: "CR.8X",
            number: 400,
            properties: { spark: { "spark.executor.memory": "4g" } },
          },
        },
      },
      includeSeedInOutput: true,
      collaborationId: UUID,
      description: "All options",
      tags: { team: "growth" },
    });
  });
});
