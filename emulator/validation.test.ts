/**
 * Every limit of the inputs, over HTTP, at min − 1, min, max and max + 1. A
 * value that passes validation may still be refused for another reason (an
 * ARN that does not exist: 404); what matters is that it is not a 400, or that
 * the 400 names another rule.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_MEMBERSHIP_ID,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "./demo/catalog";
import { userIdOf } from "./lookalike/training-data";
import { enc, startTestEmulator, uniqueJobName, type TestEmulator } from "./testing";

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

const s3Seed = { dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans }, roleArn: DEMO_SEED_ROLE_ARN };
const sqlSeed = (extra: Record<string, unknown> = {}, sql: Record<string, unknown> = {}) => ({
  roleArn: DEMO_SEED_ROLE_ARN,
  sqlParameters: {
    queryString: "SELECT user_id FROM customers WHERE segment = :segment",
    parameters: { segment: "sports" },
    ...sql,
  },
  ...extra,
});
const worker = (w: Record<string, unknown>) => sqlSeed({ sqlComputeConfiguration: { worker: w } });

const base = {
  name: "boundary",
  configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
  seedAudience: s3Seed,
};

const repeat = (n: number, c = "a") => c.repeat(n);
const entries = (n: number, key = (i: number) => `k${i}`) =>
  Object.fromEntries(Array.from({ length: n }, (_, i) => [key(i), "v"]));
/** A valid ARN of the given type padded to `length` characters. */
const padArn = (prefix: string, length: number) => prefix + repeat(length - prefix.length, "x");
const CAM_PREFIX = "arn:aws:cleanrooms-ml:us-east-1:111122223333:configured-audience-model/";
const JOB_PREFIX = "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/";
const TEMPLATE_PREFIX = `arn:aws:cleanrooms:us-east-1:111122223333:membership/${DEMO_MEMBERSHIP_ID}/analysistemplate/`;
const ROLE_PREFIX = "arn:aws:iam::111122223333:role/";

type Case = [label: string, request: Record<string, unknown>, expected: number];
const rows = <T>(cases: [string, T, number][]) =>
  cases.map(([label, input, expected]) => ({ label, input, expected }));

/** Starts a job; each accepted job of the shared base gets a name of its own (names are unique). */
async function start(request: Record<string, unknown>) {
  const named =
    request.name === base.name ? { ...request, name: uniqueJobName(base.name) } : request;
  return emulator.call("POST", "/audience-generation-job", named);
}

function check(cases: Case[]) {
  const rows = cases.map(([label, request, expected]) => ({ label, request, expected }));
  it.each(rows)("$label → $expected", async ({ request, expected }) => {
    const res = await start(request);
    expect(res.status, res.text).toBe(expected);
    if (expected === 400) {
      expect(res.headers.get("x-amzn-errortype")).toBe("ValidationException");
      expect(res.json.message).toMatch(/^[\w.:-]+: |^seedAudience must|^Unrecognized key/);
    }
  });
}

describe("StartAudienceGenerationJob: name and description", () => {
  check([
    ["name missing", { ...base, name: undefined }, 400],
    ["name of 0 characters", { ...base, name: "" }, 400],
    ["name of 1 character", { ...base, name: "a" }, 200],
    ["name of 63 characters", { ...base, name: repeat(63) }, 200],
    ["name of 64 characters", { ...base, name: repeat(64) }, 400],
    ["name of 63 emoji (code points, not UTF-16 units)", { ...base, name: repeat(63, "😀") }, 200],
    ["name of 64 emoji", { ...base, name: repeat(64, "😀") }, 400],
    ["name of spaces only", { ...base, name: "   " }, 400],
    ["name with a control character", { ...base, name: "a\u0001b" }, 400],
    ["name not a string", { ...base, name: 42 }, 400],
    ["description of 0 characters", { ...base, description: "" }, 200],
    ["description of 255 characters", { ...base, description: repeat(255) }, 200],
    ["description of 256 characters", { ...base, description: repeat(256) }, 400],
    ["description with line breaks", { ...base, description: "one\r\ntwo" }, 200],
    ["description with a bell character", { ...base, description: "a\u0007" }, 400],
  ]);
});

describe("StartAudienceGenerationJob: ARNs", () => {
  check([
    ["configured model ARN missing", { ...base, configuredAudienceModelArn: undefined }, 400],
    [
      "configured model ARN too short for its pattern",
      { ...base, configuredAudienceModelArn: "arn:aws:x" },
      400,
    ],
    [
      "configured model ARN of 2048 characters (unknown)",
      { ...base, configuredAudienceModelArn: padArn(CAM_PREFIX, 2048) },
      404,
    ],
    [
      "configured model ARN of 2049 characters",
      { ...base, configuredAudienceModelArn: padArn(CAM_PREFIX, 2049) },
      400,
    ],
    [
      "configured model ARN of another type",
      { ...base, configuredAudienceModelArn: DEMO_JOB_ARNS.sportsFans },
      400,
    ],
    ["role ARN missing", { ...base, seedAudience: { dataSource: s3Seed.dataSource } }, 400],
    [
      "role ARN of 2048 characters",
      { ...base, seedAudience: { ...s3Seed, roleArn: padArn(ROLE_PREFIX, 2048) } },
      200,
    ],
    [
      "role ARN of 2049 characters",
      { ...base, seedAudience: { ...s3Seed, roleArn: padArn(ROLE_PREFIX, 2049) } },
      400,
    ],
    [
      "role ARN without a role name",
      { ...base, seedAudience: { ...s3Seed, roleArn: ROLE_PREFIX } },
      400,
    ],
    [
      "analysis template ARN of 200 characters (unknown)",
      {
        ...base,
        seedAudience: sqlSeed(
          {},
          {
            queryString: undefined,
            analysisTemplateArn: padArn(TEMPLATE_PREFIX, 200),
            parameters: undefined,
          },
        ),
      },
      404,
    ],
    [
      "analysis template ARN of 201 characters",
      {
        ...base,
        seedAudience: sqlSeed(
          {},
          {
            queryString: undefined,
            analysisTemplateArn: padArn(TEMPLATE_PREFIX, 201),
            parameters: undefined,
          },
        ),
      },
      400,
    ],
    [
      "analysis template ARN of the wrong service",
      {
        ...base,
        seedAudience: sqlSeed(
          {},
          { queryString: undefined, analysisTemplateArn: "arn:aws:s3:::bucket" },
        ),
      },
      400,
    ],
  ]);
});

describe("StartAudienceGenerationJob: seed source", () => {
  const uri = (length: number) => "s3://demo-seeds/" + repeat(length - "s3://demo-seeds/".length);
  check([
    [
      "S3 URI of 0 characters",
      { ...base, seedAudience: { ...s3Seed, dataSource: { s3Uri: "" } } },
      400,
    ],
    [
      "S3 URI with nothing after s3://",
      { ...base, seedAudience: { ...s3Seed, dataSource: { s3Uri: "s3://" } } },
      400,
    ],
    [
      "S3 URI of one character after s3://",
      { ...base, seedAudience: { ...s3Seed, dataSource: { s3Uri: "s3://b" } } },
      200,
    ],
    [
      "S3 URI of 1285 characters",
      { ...base, seedAudience: { ...s3Seed, dataSource: { s3Uri: uri(1285) } } },
      200,
    ],
    [
      "S3 URI of 1286 characters",
      { ...base, seedAudience: { ...s3Seed, dataSource: { s3Uri: uri(1286) } } },
      400,
    ],
    [
      "S3 URI of another scheme",
      { ...base, seedAudience: { ...s3Seed, dataSource: { s3Uri: "https://bucket/key" } } },
      400,
    ],
    ["neither S3 nor SQL", { ...base, seedAudience: { roleArn: DEMO_SEED_ROLE_ARN } }, 400],
    [
      "both S3 and SQL",
      { ...base, seedAudience: { ...s3Seed, sqlParameters: sqlSeed().sqlParameters } },
      400,
    ],
    [
      "both a query and a template",
      { ...base, seedAudience: sqlSeed({}, { analysisTemplateArn: padArn(TEMPLATE_PREFIX, 140) }) },
      400,
    ],
    ["an empty query", { ...base, seedAudience: sqlSeed({}, { queryString: "" }) }, 400],
    [
      "a query of 500,000 characters",
      {
        ...base,
        seedAudience: sqlSeed(
          {},
          {
            queryString: "SELECT user_id FROM customers WHERE segment = :segment".padEnd(
              500_000,
              " ",
            ),
          },
        ),
      },
      200,
    ],
    [
      "a query of 500,001 characters",
      {
        ...base,
        seedAudience: sqlSeed(
          {},
          { queryString: "SELECT user_id FROM customers".padEnd(500_001, " ") },
        ),
      },
      400,
    ],
    [
      "compute configuration for an S3 seed",
      { ...base, seedAudience: { ...s3Seed, sqlComputeConfiguration: { worker: { number: 4 } } } },
      400,
    ],
    ["an unknown member", { ...base, seedAudience: { ...s3Seed, extra: true } }, 400],
    ["an unknown top-level member", { ...base, priority: "high" }, 400],
  ]);
});

describe("StartAudienceGenerationJob: SQL parameters", () => {
  const params = (parameters: Record<string, string>) => ({
    ...base,
    seedAudience: sqlSeed({}, { parameters: { segment: "sports", ...parameters } }),
  });
  check([
    ["parameter name of 0 characters", params({ "": "x" }), 400],
    ["parameter name of 1 character", params({ a: "x" }), 200],
    ["parameter name of 100 characters", params({ [repeat(100)]: "x" }), 200],
    ["parameter name of 101 characters", params({ [repeat(101)]: "x" }), 400],
    ["parameter name with a dash", params({ "a-b": "x" }), 400],
    ["parameter value of 0 characters", params({ a: "" }), 200],
    ["parameter value of 1000 characters", params({ a: repeat(1000) }), 200],
    ["parameter value of 1001 characters", params({ a: repeat(1001) }), 400],
    [
      "parameter value not a string",
      { ...base, seedAudience: sqlSeed({}, { parameters: { segment: 5 } }) },
      400,
    ],
  ]);
});

describe("StartAudienceGenerationJob: compute configuration", () => {
  check([
    ["worker type CR.1X", { ...base, seedAudience: worker({ type: "CR.1X" }) }, 200],
    ["worker type CR.8X", { ...base, seedAudience: worker({ type: "CR.8X" }) }, 200],
    ["worker type CR.2X", { ...base, seedAudience: worker({ type: "CR.2X" }) }, 400],
    ["1 worker", { ...base, seedAudience: worker({ number: 1 }) }, 400],
    ["2 workers", { ...base, seedAudience: worker({ number: 2 }) }, 200],
    ["400 workers (the SQL maximum)", { ...base, seedAudience: worker({ number: 400 }) }, 200],
    ["401 workers", { ...base, seedAudience: worker({ number: 401 }) }, 400],
    [
      "1024 workers (the model shape's maximum; a SQL seed runs on at most 400)",
      { ...base, seedAudience: worker({ number: 1024 }) },
      400,
    ],
    ["1025 workers", { ...base, seedAudience: worker({ number: 1025 }) }, 400],
    ["2.5 workers", { ...base, seedAudience: worker({ number: 2.5 }) }, 400],
    ["workers as a string", { ...base, seedAudience: worker({ number: "4" }) }, 400],
    [
      "an empty compute configuration",
      { ...base, seedAudience: sqlSeed({ sqlComputeConfiguration: {} }) },
      400,
    ],
    ["empty worker properties", { ...base, seedAudience: worker({ properties: {} }) }, 400],
    [
      "50 Spark properties",
      { ...base, seedAudience: worker({ properties: { spark: entries(50) } }) },
      200,
    ],
    [
      "51 Spark properties",
      { ...base, seedAudience: worker({ properties: { spark: entries(51) } }) },
      400,
    ],
    [
      "Spark property key of 0 characters",
      { ...base, seedAudience: worker({ properties: { spark: { "": "v" } } }) },
      400,
    ],
    [
      "Spark property key of 200 characters",
      { ...base, seedAudience: worker({ properties: { spark: { [repeat(200)]: "v" } } }) },
      200,
    ],
    [
      "Spark property key of 201 characters",
      { ...base, seedAudience: worker({ properties: { spark: { [repeat(201)]: "v" } } }) },
      400,
    ],
    [
      "Spark property value of 0 characters",
      { ...base, seedAudience: worker({ properties: { spark: { k: "" } } }) },
      200,
    ],
    [
      "Spark property value of 500 characters",
      { ...base, seedAudience: worker({ properties: { spark: { k: repeat(500) } } }) },
      200,
    ],
    [
      "Spark property value of 501 characters",
      { ...base, seedAudience: worker({ properties: { spark: { k: repeat(501) } } }) },
      400,
    ],
  ]);
});

describe("StartAudienceGenerationJob: collaboration, flags and tags", () => {
  check([
    [
      "collaboration ID of 36 characters",
      { ...base, collaborationId: "0f6b1c2e-1a2b-4c3d-8e9f-001122334455" },
      200,
    ],
    [
      "collaboration ID of 35 characters",
      { ...base, collaborationId: "0f6b1c2e-1a2b-4c3d-8e9f-00112233445" },
      400,
    ],
    [
      "collaboration ID of 37 characters",
      { ...base, collaborationId: "0f6b1c2e-1a2b-4c3d-8e9f-0011223344556" },
      400,
    ],
    [
      "collaboration ID in capitals",
      { ...base, collaborationId: "0F6B1C2E-1A2B-4C3D-8E9F-001122334455" },
      400,
    ],
    ["includeSeedInOutput true", { ...base, includeSeedInOutput: true }, 200],
    ["includeSeedInOutput as text", { ...base, includeSeedInOutput: "yes" }, 400],
    ["0 tags", { ...base, tags: {} }, 200],
    ["50 tags", { ...base, tags: entries(50) }, 200],
    ["51 tags", { ...base, tags: entries(51) }, 400],
    ["tag key of 0 characters", { ...base, tags: { "": "v" } }, 400],
    ["tag key of 1 character", { ...base, tags: { k: "v" } }, 200],
    ["tag key of 128 characters", { ...base, tags: { [repeat(128)]: "v" } }, 200],
    ["tag key of 129 characters", { ...base, tags: { [repeat(129)]: "v" } }, 400],
    ["tag value of 0 characters", { ...base, tags: { k: "" } }, 200],
    ["tag value of 256 characters", { ...base, tags: { k: repeat(256) } }, 200],
    ["tag value of 257 characters", { ...base, tags: { k: repeat(257) } }, 400],
    ["tag key aws:team", { ...base, tags: { "aws:team": "v" } }, 400],
    ["tag key AWS:team", { ...base, tags: { "AWS:team": "v" } }, 400],
    ["tag key aWs:team", { ...base, tags: { "aWs:team": "v" } }, 400],
    ["tag key awsteam", { ...base, tags: { awsteam: "v" } }, 200],
    ["tag value aws:team", { ...base, tags: { team: "aws:team" } }, 200],
    ["tags as a list", { ...base, tags: [["k", "v"]] }, 400],
  ]);

  it("counts the tags a job inherits from its configured model against the 50", async () => {
    const model = DEMO_CONFIGURED_MODELS.retailAbsolute; // FROM_PARENT_RESOURCE with one tag
    expect(
      (await start({ ...base, configuredAudienceModelArn: model.arn, tags: entries(49) })).status,
    ).toBe(200);
    const over = await start({ ...base, configuredAudienceModelArn: model.arn, tags: entries(50) });
    expect(over.status).toBe(400);
    expect(over.json.message).toMatch(/^tags: At most 50 tags are allowed, counting the 1/);
  });

  it("names the field and the rule for each problem in one message", async () => {
    const res = await start({ ...base, name: "", tags: { "aws:x": "v" } });
    expect(res.json.message).toBe(
      "name: Name is required; tags.aws:x: Tag keys starting with aws: (in any case) are reserved for AWS",
    );
  });
});

describe("TagResource and UntagResource limits", () => {
  const arn = DEMO_CONFIGURED_MODELS.retailPercentage.arn;
  const tag = (tags: unknown) => emulator.call("POST", `/tags/${enc(arn)}`, { tags });
  const untag = (keys: string[]) =>
    emulator.call("DELETE", `/tags/${enc(arn)}?${keys.map((k) => `tagKeys=${enc(k)}`).join("&")}`);

  it.each(
    rows([
      ["50 tags", entries(50, (i) => `t${i}`), 200],
      ["51 tags", entries(51, (i) => `u${i}`), 400],
      ["tag key of 128 characters", { [repeat(128)]: "v" }, 200],
      ["tag key of 129 characters", { [repeat(129)]: "v" }, 400],
      ["tag key of 0 characters", { "": "v" }, 400],
      ["tag value of 256 characters", { k: repeat(256) }, 200],
      ["tag value of 257 characters", { k: repeat(257) }, 400],
      ["tag key Aws:x", { "Aws:x": "v" }, 400],
    ]),
  )("TagResource $label → $expected", async ({ input: tags, expected }) => {
    await untag([...Object.keys(entries(50, (i) => `t${i}`)), "k", repeat(128)]);
    expect((await tag(tags)).status).toBe(expected);
  });

  it("requires tags on TagResource", async () => {
    const res = await emulator.call("POST", `/tags/${enc(arn)}`, {});
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(/^tags: /);
  });

  it.each(
    rows([
      ["200 tag keys", Array.from({ length: 200 }, (_, i) => `k${i}`), 200],
      ["201 tag keys", Array.from({ length: 201 }, (_, i) => `k${i}`), 400],
      ["a key of 128 characters", [repeat(128)], 200],
      ["a key of 129 characters", [repeat(129)], 400],
      ["a key of 0 characters", [""], 400],
    ]),
  )("UntagResource with $label → $expected", async ({ input: keys, expected }) => {
    expect((await untag([...keys])).status).toBe(expected);
  });
});

describe("StartAudienceExportJob limits", () => {
  const request = (extra: Record<string, unknown>) => ({
    name: "export",
    audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans,
    audienceSize: { type: "ABSOLUTE", value: 5000 },
    ...extra,
  });
  const exportJob = (extra: Record<string, unknown>) =>
    emulator.call("POST", "/audience-export-job", request(extra));
  const notABin = /^audienceSize: Must be one of the configured audience model's sizes/;

  it.each(
    rows<Record<string, unknown>>([
      ["name of 0 characters", { name: "" }, 400],
      ["name of 63 characters", { name: repeat(63) }, 200],
      ["name of 64 characters", { name: repeat(64) }, 400],
      ["description of 255 characters", { description: repeat(255) }, 200],
      ["description of 256 characters", { description: repeat(256) }, 400],
      ["size type missing", { audienceSize: { value: 5000 } }, 400],
      ["size type unknown", { audienceSize: { type: "RELATIVE", value: 5000 } }, 400],
      [
        "job ARN of 2048 characters (unknown)",
        { audienceGenerationJobArn: padArn(JOB_PREFIX, 2048) },
        404,
      ],
      ["job ARN of 2049 characters", { audienceGenerationJobArn: padArn(JOB_PREFIX, 2049) }, 400],
    ]),
  )("$label → $expected", async ({ input: extra, expected }) => {
    expect((await exportJob(extra)).status).toBe(expected);
  });

  it.each([
    [{ type: "ABSOLUTE", value: 0 }, /^audienceSize.value: Audience size must be at least 1/],
    [{ type: "ABSOLUTE", value: 1 }, notABin],
    [{ type: "ABSOLUTE", value: 20_000_000 }, notABin],
    [
      { type: "ABSOLUTE", value: 20_000_001 },
      /^audienceSize.value: Audience size must be at most 20,000,000/,
    ],
    [{ type: "PERCENTAGE", value: 100 }, notABin],
    [
      { type: "PERCENTAGE", value: 101 },
      /^audienceSize.value: A percentage audience size must be between 1 and 100/,
    ],
    [
      { type: "ABSOLUTE", value: 12.5 },
      /^audienceSize.value: Audience size must be a whole number/,
    ],
  ])("audience size %j is refused by the rule it breaks", async (audienceSize, message) => {
    const res = await exportJob({ audienceSize });
    expect(res.status).toBe(400);
    expect(res.json.message).toMatch(message);
  });
});

describe("path labels and list parameters", () => {
  it.each(
    rows([
      [
        "job ARN of 2048 characters (unknown)",
        `/audience-generation-job/${enc(padArn(JOB_PREFIX, 2048))}`,
        404,
      ],
      [
        "job ARN of 2049 characters",
        `/audience-generation-job/${enc(padArn(JOB_PREFIX, 2049))}`,
        400,
      ],
      [
        "configured model ARN of 2048 characters (unknown)",
        `/configured-audience-model/${enc(padArn(CAM_PREFIX, 2048))}`,
        404,
      ],
      [
        "configured model ARN of 2049 characters",
        `/configured-audience-model/${enc(padArn(CAM_PREFIX, 2049))}`,
        400,
      ],
      ["taggable ARN of 2048 characters (unknown)", `/tags/${enc(padArn(CAM_PREFIX, 2048))}`, 404],
      ["taggable ARN of 2049 characters", `/tags/${enc(padArn(CAM_PREFIX, 2049))}`, 400],
      ["an empty label", "/audience-generation-job/", 400],
    ]),
  )("GET with $label → $expected", async ({ input, expected }) => {
    expect((await emulator.call("GET", input)).status).toBe(expected);
  });

  it.each([
    ["nextToken of 0 characters", "", /^nextToken: nextToken is required$/],
    ["nextToken of 1 character", "a", /^nextToken: is not a token this list returned$/],
    [
      "nextToken of 10,240 characters",
      repeat(10_240),
      /^nextToken: is not a token this list returned$/,
    ],
    [
      "nextToken of 10,241 characters",
      repeat(10_241),
      /^nextToken: nextToken must be at most 10,240 characters$/,
    ],
  ])("%s is refused by the rule it breaks", async (_label, token, message) => {
    for (const list of [
      "/audience-generation-job",
      "/audience-export-job",
      "/audience-model",
      "/configured-audience-model",
    ]) {
      const res = await emulator.call("GET", `${list}?nextToken=${token}`);
      expect(res.status).toBe(400);
      expect(res.json.message).toMatch(message);
    }
  });

  it.each([
    ["0", 400],
    ["1", 200],
    ["100", 200],
    ["101", 400],
  ])("maxResults=%s on every list → %i", async (maxResults, expected) => {
    for (const list of [
      "/audience-generation-job",
      "/audience-export-job",
      "/audience-model",
      "/configured-audience-model",
    ]) {
      expect((await emulator.call("GET", `${list}?maxResults=${maxResults}`)).status).toBe(
        expected,
      );
    }
  });
});

describe("seed size rules (checked when the job runs)", () => {
  const writeSeed = (name: string, ids: string[]) => {
    const file = path.join(emulator.dataDir, "s3", "test-seeds", name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, ids.map((id) => `{"user_id": "${id}"}`).join("\n"));
    return `s3://test-seeds/${name}`;
  };
  const training = (from: number, count: number) =>
    Array.from({ length: count }, (_, i) => userIdOf(from + i));
  const outsiders = (count: number) => Array.from({ length: count }, (_, i) => `outsider-${i}`);
  const run = (s3Uri: string, model = DEMO_CONFIGURED_MODELS.retailPercentage.arn) =>
    emulator.runJob({
      ...base,
      name: uniqueJobName(base.name),
      configuredAudienceModelArn: model,
      seedAudience: { ...s3Seed, dataSource: { s3Uri } },
    });

  it("needs at least 25 unique user IDs (duplicates count once)", async () => {
    const under = await run(writeSeed("24.jsonl", [...training(0, 24), ...training(0, 24)]));
    expect(under.statusDetails).toMatchObject({ statusCode: "SEED_TOO_FEW_USERS" });
    expect((await run(writeSeed("25.jsonl", training(0, 25)))).status).toBe("ACTIVE");
  });

  it("takes at most 500,000 unique user IDs", async () => {
    const max = await run(writeSeed("500000.jsonl", [...training(0, 1000), ...outsiders(499_000)]));
    expect(max.status).toBe("ACTIVE");
    const over = await run(
      writeSeed("500001.jsonl", [...training(0, 1000), ...outsiders(499_001)]),
    );
    expect(over.status).toBe("CREATE_FAILED");
    expect(over.statusDetails).toMatchObject({ statusCode: "SEED_TOO_MANY_USERS" });
  }, 60_000);

  it("needs the configured model's minimum of matching seed users (500 here)", async () => {
    const model = DEMO_CONFIGURED_MODELS.retailAbsolute.arn;
    const under = await run(
      writeSeed("499-matching.jsonl", [...training(100, 499), ...outsiders(100)]),
      model,
    );
    expect(under.statusDetails).toEqual({
      statusCode: "INSUFFICIENT_MATCHING_SEED_USERS",
      message:
        "Only 499 of 599 seed users match users in the training data; the configured audience model requires at least 500.",
    });
    expect(
      (
        await run(
          writeSeed("500-matching.jsonl", [...training(100, 500), ...outsiders(100)]),
          model,
        )
      ).status,
    ).toBe("ACTIVE");
  });
});
