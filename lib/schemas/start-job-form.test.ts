import { describe, expect, it } from "vitest";

import {
  NAME_MAX_LENGTH,
  SPARK_PROPERTIES_MAX,
  TAGS_MAX,
  type StartAudienceGenerationJobRequest,
} from "./api";
import { fieldErrors } from "./issues";
import {
  copyName,
  emptyStartJobForm,
  formFieldForRequestPath,
  formValuesFromJob,
  startJobFormSchema,
  startJobFormSchemaFor,
  toStartRequest,
  type StartJobFormValues,
} from "./start-job-form";

const MODEL = "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/m-1";
const ROLE = "arn:aws:iam::123456789012:role/SeedReader";
const TEMPLATE =
  "arn:aws:cleanrooms:us-east-1:123456789012:membership/1a2b3c4d-0000-1111-2222-333344445555/analysistemplate/t-1";
const UUID = "0f6b1c2e-1a2b-4c3d-8e9f-001122334455";

const s3Form: StartJobFormValues = {
  ...emptyStartJobForm,
  name: "Spring",
  configuredAudienceModelArn: MODEL,
  s3Uri: "s3://bucket/seed.jsonl",
  roleArn: ROLE,
};
/** The day a copy is made, injected: the tests do not depend on today's date. */
const TODAY = new Date("2026-03-09T10:00:00Z");

const sqlForm: StartJobFormValues = {
  ...s3Form,
  seedSource: "SQL_QUERY",
  queryString: "SELECT user_id FROM t",
};
const rows = (n: number, key = (i: number) => `k${i}`) =>
  Array.from({ length: n }, (_, i) => ({ key: key(i), value: "" }));

/** The form's errors by field path, as the form shows them; `{}` when valid. */
function errors(values: unknown): Record<string, string> {
  const result = startJobFormSchema.safeParse(values);
  return result.success ? {} : fieldErrors(result.error);
}

describe("startJobFormSchemaFor: the tags the job gets beyond the form's", () => {
  const beyond = { inherited: { project: "spring-campaign" }, dashboard: ["dashboard:started-by"] };
  const errorsWith = (values: StartJobFormValues) => {
    const result = startJobFormSchemaFor(beyond).safeParse(values);
    return result.success ? {} : fieldErrors(result.error);
  };

  it("counts the model's and the dashboard's tags toward the limit, beside the tags", () => {
    expect(errorsWith({ ...s3Form, tags: rows(TAGS_MAX - 2) })).toEqual({});
    expect(errorsWith({ ...s3Form, tags: rows(TAGS_MAX - 1) })).toEqual({
      tags: "A job can have at most 50 tags, and this one would have 51 (49 here, 1 inherited from the model and 1 the dashboard adds to record who started it): remove 1 tag",
    });
    // Without them, the same tags fit.
    expect(errors({ ...s3Form, tags: rows(TAGS_MAX - 1) })).toEqual({});
  });
});

describe("startJobFormSchema: where each error is shown", () => {
  it("accepts a complete S3 job", () => {
    expect(errors(s3Form)).toEqual({});
  });

  it("reports every missing required field at once, model or not", () => {
    expect(Object.keys(errors(emptyStartJobForm)).sort()).toEqual(
      ["configuredAudienceModelArn", "name", "roleArn", "s3Uri"].sort(),
    );
    expect(errors(emptyStartJobForm).configuredAudienceModelArn).toBe(
      "Choose a configured audience model",
    );
  });

  it("puts request-schema errors on the form field that edits them", () => {
    expect(errors({ ...s3Form, name: "x".repeat(NAME_MAX_LENGTH + 1) })).toEqual({
      name: "Name must be at most 63 characters",
    });
    expect(errors({ ...s3Form, s3Uri: "http://x" })).toHaveProperty("s3Uri");
    expect(errors({ ...s3Form, roleArn: "role" })).toHaveProperty("roleArn");
    expect(errors({ ...s3Form, collaborationId: "not-a-uuid" })).toHaveProperty("collaborationId");
    expect(errors({ ...s3Form, description: "\u0007" })).toHaveProperty("description");
    expect(errors({ ...s3Form, configuredAudienceModelArn: "arn:nope" })).toHaveProperty(
      "configuredAudienceModelArn",
    );
  });

  it("checks only the chosen seed source's fields", () => {
    expect(
      errors({
        ...s3Form,
        queryString: "",
        analysisTemplateArn: "junk",
        parameters: [{ key: "bad-name", value: "" }],
      }),
    ).toEqual({});
    expect(errors({ ...sqlForm, s3Uri: "junk" })).toEqual({});
  });

  it("requires the query or the template of a query seed", () => {
    expect(errors({ ...sqlForm, queryString: "  \n" })).toEqual({
      queryString: "SQL query is required",
    });
    expect(errors({ ...s3Form, seedSource: "ANALYSIS_TEMPLATE" })).toEqual({
      analysisTemplateArn: "Analysis template ARN is required",
    });
    expect(
      errors({ ...s3Form, seedSource: "ANALYSIS_TEMPLATE", analysisTemplateArn: TEMPLATE }),
    ).toEqual({});
    expect(
      errors({ ...s3Form, seedSource: "ANALYSIS_TEMPLATE", analysisTemplateArn: "arn:aws:x" }),
    ).toHaveProperty("analysisTemplateArn");
  });

  it("checks the number of workers as typed text: 2 to 400 whole workers, or empty", () => {
    expect(errors({ ...sqlForm, workerCount: "" })).toEqual({});
    expect(errors({ ...sqlForm, workerCount: "1" })).toEqual({
      workerCount: "Number of workers must be from 2 to 400",
    });
    expect(errors({ ...sqlForm, workerCount: "2" })).toEqual({});
    expect(errors({ ...sqlForm, workerCount: "400" })).toEqual({});
    expect(errors({ ...sqlForm, workerCount: "401" })).toEqual({
      workerCount: "Number of workers must be from 2 to 400",
    });
    for (const text of ["2.5", "ten", "-4", "1e3"]) {
      expect(errors({ ...sqlForm, workerCount: text })).toEqual({
        workerCount: "Number of workers must be a whole number",
      });
    }
    expect(errors({ ...sqlForm, workerType: "CR.8X", workerCount: " 16 " })).toEqual({});
  });

  it("puts a row's error beside its key or value", () => {
    expect(
      errors({
        ...s3Form,
        tags: [
          { key: "team", value: "a" },
          { key: "AWS:x", value: "b" },
        ],
      }),
    ).toEqual({
      "tags.1.key": "Tag keys starting with aws: (in any case) are reserved for AWS",
    });
    expect(errors({ ...s3Form, tags: [{ key: "", value: "v" }] })).toEqual({
      "tags.0.key": "Tag key is required",
    });
    expect(errors({ ...s3Form, tags: [{ key: "k", value: "v".repeat(257) }] })).toEqual({
      "tags.0.value": "Tag value must be at most 256 characters",
    });
    expect(errors({ ...sqlForm, parameters: [{ key: "min spend", value: "" }] })).toEqual({
      "parameters.0.key": "Parameter name may only contain letters, digits and underscores",
    });
    expect(errors({ ...sqlForm, sparkProperties: [{ key: "", value: "4g" }] })).toEqual({
      "sparkProperties.0.key": "Spark property name is required",
    });
    // The API's parameter count limit, beside the rows.
    const parameters = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ key: `p${i}`, value: "v" }));
    expect(errors({ ...sqlForm, parameters: parameters(50) })).toEqual({});
    expect(errors({ ...sqlForm, parameters: parameters(51) })).toEqual({
      parameters: "At most 50 parameters are allowed",
    });
  });

  it("refuses a SQL seed whose query names a parameter no row gives a value (it would fail for certain)", () => {
    const query = "SELECT user_id FROM t WHERE spend > :min_spend";
    expect(errors({ ...sqlForm, queryString: query })).toEqual({
      parameters:
        "The query uses :min_spend but no row gives it a value, so the job would fail: add a row named min_spend.",
    });
    expect(
      errors({ ...sqlForm, queryString: query, parameters: [{ key: "min_spend", value: "100" }] }),
    ).toEqual({});
    // A row the query does not use is only doubted (the form asks), not refused.
    expect(errors({ ...sqlForm, parameters: [{ key: "region", value: "EU" }] })).toEqual({});
  });

  it("wants tag keys unique, case-sensitively", () => {
    expect(
      errors({
        ...s3Form,
        tags: [
          { key: "team", value: "a" },
          { key: "team", value: "b" },
        ],
      }),
    ).toEqual({
      "tags.1.key": "Each tag must have a unique key",
    });
    expect(
      errors({
        ...s3Form,
        tags: [
          { key: "team", value: "a" },
          { key: "Team", value: "b" },
        ],
      }),
    ).toEqual({});
  });

  it("counts tags and Spark properties against their limits", () => {
    expect(errors({ ...s3Form, tags: rows(TAGS_MAX) })).toEqual({});
    expect(errors({ ...s3Form, tags: rows(TAGS_MAX + 1) })).toEqual({
      tags: "At most 50 tags are allowed",
    });
    expect(errors({ ...sqlForm, sparkProperties: rows(SPARK_PROPERTIES_MAX) })).toEqual({});
    expect(errors({ ...sqlForm, sparkProperties: rows(SPARK_PROPERTIES_MAX + 1) })).toEqual({
      sparkProperties: "At most 50 Spark properties are allowed",
    });
  });

  it("refuses values the form does not have (an action is a public endpoint)", () => {
    expect(errors({ ...s3Form, admin: true })).toHaveProperty([""]);
    expect(errors({ ...s3Form, seedSource: "FTP" })).toHaveProperty("seedSource");
    expect(errors({ ...s3Form, tags: [{ key: "k" }] })).not.toEqual({});
    expect(errors(null)).not.toEqual({});
  });
});

describe("empty key/value rows: one rule for tags, parameters and Spark properties", () => {
  const blank = { key: "", value: "" };

  it("ignores a row whose key and value are both blank, in the checks and in the request", () => {
    const values: StartJobFormValues = {
      ...sqlForm,
      tags: [{ key: "team", value: "growth" }, blank],
      parameters: [blank],
      sparkProperties: [{ key: " ", value: "" }],
    };
    expect(errors(values)).toEqual({});
    const request = toStartRequest(values);
    expect(request.tags).toEqual({ team: "growth" });
    expect(request.seedAudience.sqlParameters).toEqual({ queryString: "SELECT user_id FROM t" });
    expect(request.seedAudience).not.toHaveProperty("sqlComputeConfiguration");
    expect(toStartRequest({ ...s3Form, tags: [blank] })).not.toHaveProperty("tags");
  });

  it("still checks a row with only one half filled in, at its own index", () => {
    expect(errors({ ...s3Form, tags: [blank, { key: "", value: "v" }] })).toEqual({
      "tags.1.key": "Tag key is required",
    });
  });

  it("does not count blank rows toward a list's limit", () => {
    expect(errors({ ...s3Form, tags: [...rows(TAGS_MAX), blank] })).toEqual({});
  });
});

describe("toStartRequest", () => {
  it("leaves out empty optional members", () => {
    expect(toStartRequest(s3Form)).toEqual({
      name: "Spring",
      configuredAudienceModelArn: MODEL,
      seedAudience: { roleArn: ROLE, dataSource: { s3Uri: "s3://bucket/seed.jsonl" } },
    });
    expect(toStartRequest(sqlForm).seedAudience).toEqual({
      roleArn: ROLE,
      sqlParameters: { queryString: "SELECT user_id FROM t" },
    });
  });

  it("sends a query seed's compute, parameters and every optional member when set", () => {
    const request = toStartRequest({
      ...sqlForm,
      parameters: [{ key: "min_spend", value: "100" }],
      workerType: "CR.4X",
      workerCount: "16",
      sparkProperties: [{ key: "spark.executor.memory", value: "4g" }],
      includeSeedInOutput: true,
      collaborationId: UUID,
      description: "d",
      tags: [{ key: "team", value: "growth" }],
    });
    expect(request).toEqual({
      name: "Spring",
      configuredAudienceModelArn: MODEL,
      seedAudience: {
        roleArn: ROLE,
        sqlParameters: { queryString: "SELECT user_id FROM t", parameters: { min_spend: "100" } },
        sqlComputeConfiguration: {
          worker: {
            type: "CR.4X",
            number: 16,
            properties: { spark: { "spark.executor.memory": "4g" } },
          },
        },
      },
      includeSeedInOutput: true,
      collaborationId: UUID,
      description: "d",
      tags: { team: "growth" },
    });
  });

  it("never sends compute for an S3 seed", () => {
    expect(
      toStartRequest({ ...s3Form, workerType: "CR.1X", workerCount: "4" }).seedAudience,
    ).not.toHaveProperty("sqlComputeConfiguration");
  });
});

describe("clone: formValuesFromJob and copyName", () => {
  const job = (request: StartAudienceGenerationJobRequest) => ({ ...request });

  it("round-trips every member of a job into the same request under a new name", () => {
    const original: StartAudienceGenerationJobRequest = {
      name: "Spring",
      configuredAudienceModelArn: MODEL,
      seedAudience: {
        roleArn: ROLE,
        sqlParameters: {
          analysisTemplateArn: TEMPLATE,
          parameters: { min_spend: "100", region: "EU" },
        },
        sqlComputeConfiguration: {
          worker: { type: "CR.8X", number: 40, properties: { spark: { a: "1" } } },
        },
      },
      includeSeedInOutput: true,
      collaborationId: UUID,
      description: "All options",
      tags: { team: "growth", Team: "other" },
    };
    const values = formValuesFromJob(job(original), TODAY);
    expect(values.seedSource).toBe("ANALYSIS_TEMPLATE");
    expect(errors(values)).toEqual({});
    // Everything but the description, which the new job has to state for itself.
    expect(toStartRequest(values)).toEqual({
      ...original,
      name: "Spring 2026-03-09",
      description: undefined,
    });
  });

  it("leaves the description empty rather than repeating the old job's words", () => {
    const values = formValuesFromJob(
      {
        name: "Tiny seed",
        description: "Ten users: fewer than a seed needs",
        configuredAudienceModelArn: MODEL,
      },
      TODAY,
    );
    expect(values.name).toBe("Tiny seed 2026-03-09");
    expect(values.description).toBe("");
  });

  it("recognises each seed source", () => {
    const seed = (s: StartAudienceGenerationJobRequest["seedAudience"]) =>
      formValuesFromJob({ name: "n", configuredAudienceModelArn: MODEL, seedAudience: s })
        .seedSource;
    expect(seed({ roleArn: ROLE, dataSource: { s3Uri: "s3://b/k" } })).toBe("S3");
    expect(seed({ roleArn: ROLE, sqlParameters: { queryString: "q" } })).toBe("SQL_QUERY");
    expect(seed({ roleArn: ROLE, sqlParameters: { analysisTemplateArn: TEMPLATE } })).toBe(
      "ANALYSIS_TEMPLATE",
    );
  });

  it("leaves out the dashboard's own who-did-it tags, which the server sets anew", () => {
    const values = formValuesFromJob({
      name: "n",
      configuredAudienceModelArn: MODEL,
      tags: {
        team: "growth",
        "dashboard:started-by": "ana@example.com",
        "Dashboard:exported-by": "bo@example.com",
      },
    });
    expect(values.tags).toEqual([{ key: "team", value: "growth" }]);
  });

  it("copes with a job whose seed the account cannot see", () => {
    const values = formValuesFromJob({ name: "n", configuredAudienceModelArn: MODEL });
    expect(values).toMatchObject({
      seedSource: "S3",
      s3Uri: "",
      roleArn: "",
      configuredAudienceModelArn: MODEL,
    });
  });

  it("names a copy with the day it is started, within the 63-character limit, without piling up dates", () => {
    expect(copyName("Spring", TODAY)).toBe("Spring 2026-03-09");
    // Last week's run, or an older copy: its date (or "(copy)") gives way to today's.
    expect(copyName("Spring 2026-03-02", TODAY)).toBe("Spring 2026-03-09");
    expect(copyName("Spring (copy)", TODAY)).toBe("Spring 2026-03-09");
    // The day in UTC, whatever the machine's time zone.
    expect(copyName("Spring", new Date("2026-03-09T23:59:59-05:00"))).toBe("Spring 2026-03-10");
    const long = copyName("x".repeat(NAME_MAX_LENGTH), TODAY);
    expect([...long]).toHaveLength(NAME_MAX_LENGTH);
    expect(long.endsWith(" 2026-03-09")).toBe(true);
    expect([...copyName("🎯".repeat(NAME_MAX_LENGTH), TODAY)]).toHaveLength(NAME_MAX_LENGTH);
  });
});

describe("formFieldForRequestPath", () => {
  it("finds the field a service message names, most specific first", () => {
    expect(formFieldForRequestPath("seedAudience.dataSource.s3Uri: object not found")).toBe(
      "s3Uri",
    );
    expect(
      formFieldForRequestPath("Invalid seedAudience.sqlComputeConfiguration.worker.number"),
    ).toBe("workerCount");
    expect(
      formFieldForRequestPath("seedAudience.sqlComputeConfiguration.worker.properties.spark.x"),
    ).toBe("sparkProperties");
    expect(formFieldForRequestPath("seedAudience.roleArn cannot be assumed")).toBe("roleArn");
    expect(formFieldForRequestPath("tags: too many")).toBe("tags");
    expect(formFieldForRequestPath("Something else went wrong")).toBeUndefined();
  });
});
