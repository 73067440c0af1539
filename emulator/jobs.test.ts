/** Job lifecycles, computed results, failures and exports, over HTTP. */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  DEMO_ANALYSIS_TEMPLATES,
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "./demo/catalog";
import { s3PathOf } from "./lookalike/seed";
import { userIndexOf } from "./lookalike/training-data";
import { jobPath, startTestEmulator, uniqueJobName, type TestEmulator } from "./testing";

type Job = Record<string, unknown> & {
  status: string;
  createTime: string;
  updateTime: string;
  metrics?: {
    relevanceMetrics: { audienceSize: { type: string; value: number }; score: number }[];
    recallMetric?: number;
  };
  statusDetails?: { statusCode: string; message: string };
};

const PERCENTAGE = DEMO_CONFIGURED_MODELS.retailPercentage;
const s3 = (s3Uri: string) => ({ dataSource: { s3Uri }, roleArn: DEMO_SEED_ROLE_ARN });
const sql = (queryString: string, parameters?: Record<string, string>) => ({
  roleArn: DEMO_SEED_ROLE_ARN,
  sqlParameters: parameters ? { queryString, parameters } : { queryString },
});
const template = (analysisTemplateArn: string, parameters?: Record<string, string>) => ({
  roleArn: DEMO_SEED_ROLE_ARN,
  sqlParameters: parameters ? { analysisTemplateArn, parameters } : { analysisTemplateArn },
});

let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator();
});
afterAll(() => emulator.close());

const run = async (seedAudience: unknown, extra: Record<string, unknown> = {}) =>
  (await emulator.runJob({
    name: uniqueJobName("test"),
    configuredAudienceModelArn: PERCENTAGE.arn,
    seedAudience,
    ...extra,
  })) as Job;

describe("lifecycle", () => {
  let slow: TestEmulator;
  beforeAll(async () => {
    // Ten times faster than real: pending 0.5 s, in progress a few seconds, deletion 0.8 s.
    slow = await startTestEmulator({ timeScale: 10 });
  });
  afterAll(() => slow.close());

  it("goes CREATE_PENDING → CREATE_IN_PROGRESS → ACTIVE, refusing deletion until it is done", async () => {
    const started = await slow.call("POST", "/audience-generation-job", {
      name: "Lifecycle",
      configuredAudienceModelArn: PERCENTAGE.arn,
      seedAudience: s3(DEMO_SEED_URIS.sportsFans),
    });
    expect(started.status).toBe(200);
    expect(Object.keys(started.json)).toEqual(["audienceGenerationJobArn"]);
    const arn = String(started.json.audienceGenerationJobArn);
    expect(arn).toMatch(
      /^arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job\/[0-9a-f-]{36}$/,
    );

    const first = (await slow.call("GET", jobPath(arn))).json as Job;
    expect(first.status).toBe("CREATE_PENDING");
    expect(first.updateTime).toBe(first.createTime);
    expect(first).not.toHaveProperty("metrics");

    const pendingDelete = await slow.call("DELETE", jobPath(arn));
    expect(pendingDelete.status).toBe(409);
    expect(pendingDelete.headers.get("x-amzn-errortype")).toBe("ConflictException");

    const inProgress = (await slow.waitForJob(arn, (j) => j.status === "CREATE_IN_PROGRESS"))
      .job as Job;
    expect(inProgress).not.toHaveProperty("metrics");
    expect(Date.parse(inProgress.updateTime) - Date.parse(inProgress.createTime)).toBe(500);
    expect((await slow.call("DELETE", jobPath(arn))).status).toBe(409);

    const { job, seen } = await slow.waitForJob(arn, (j) => j.status === "ACTIVE", 30_000);
    expect(seen).toEqual(["CREATE_IN_PROGRESS", "ACTIVE"]);
    expect((job as Job).metrics?.relevanceMetrics).toHaveLength(
      PERCENTAGE.audienceSizeConfig.audienceSizeBins.length,
    );
    // 12 s + a seed-dependent part, divided by the time scale of 10.
    const inProgressMs = Date.parse((job as Job).updateTime) - Date.parse(inProgress.updateTime);
    expect(inProgressMs).toBeGreaterThan(2000);
    expect(inProgressMs).toBeLessThan(4500);
  }, 40_000);

  it("goes DELETE_PENDING → DELETE_IN_PROGRESS → gone, taking its tags and exports with it", async () => {
    const arn = DEMO_JOB_ARNS.randomBaseline;
    const deleted = await slow.call("DELETE", jobPath(arn));
    expect(deleted.status).toBe(200);
    expect(deleted.text).toBe("");
    expect(((await slow.call("GET", jobPath(arn))).json as Job).status).toBe("DELETE_PENDING");
    expect((await slow.call("DELETE", jobPath(arn))).status).toBe(200); // already deleting: nothing changes
    const { seen } = await slow.waitForJob(arn, (j) => j.notFound === true, 10_000);
    expect(seen).toEqual(["DELETE_PENDING", "DELETE_IN_PROGRESS", "HTTP 404"]);
    const list = await slow.call("GET", "/audience-generation-job");
    expect(
      (list.json.audienceGenerationJobs as { audienceGenerationJobArn: string }[]).map(
        (j) => j.audienceGenerationJobArn,
      ),
    ).not.toContain(arn);
    expect((await slow.call("GET", `/tags/${encodeURIComponent(arn)}`)).status).toBe(404);
    expect((await slow.call("DELETE", jobPath(arn))).status).toBe(404);
  }, 20_000);

  it("refuses to delete another member's job", async () => {
    const res = await slow.call("DELETE", jobPath(DEMO_JOB_ARNS.partnerFitness));
    expect(res.status).toBe(403);
    expect(res.headers.get("x-amzn-errortype")).toBe("AccessDeniedException");
  });

  describe("durations (time scale 10)", () => {
    const query = "SELECT user_id FROM customers WHERE segment = 'sports'";
    const inProgressMs = (job: Job) =>
      Date.parse(job.updateTime) - Date.parse(job.createTime) - 500;
    const run = async (seedAudience: unknown) =>
      (await slow.runJob({
        name: uniqueJobName("timed"),
        configuredAudienceModelArn: PERCENTAGE.arn,
        seedAudience,
      })) as Job;

    // All four jobs run at once; the comparisons only need their stored times.
    const jobs = (() => {
      let started: Promise<Job[]> | undefined;
      return () =>
        (started ??= Promise.all([
          run({ ...sql(query), sqlComputeConfiguration: small }),
          run({ ...sql(query), sqlComputeConfiguration: large }),
          run(sql(`${query} LIMIT 30`)),
          run(sql(query)),
        ]));
    })();
    const small = { worker: { type: "CR.1X", number: 2 } };
    const large = {
      worker: {
        type: "CR.8X",
        number: 400,
        properties: { spark: { "spark.executor.memory": "8g" } },
      },
    };

    it("shrink with worker type and number, and the compute configuration comes back exactly as given", async () => {
      const [slowJob, fastJob] = (await jobs()) as [Job, Job];
      expect(slowJob.status).toBe("ACTIVE");
      expect(
        (slowJob.seedAudience as { sqlComputeConfiguration: unknown }).sqlComputeConfiguration,
      ).toEqual(small);
      expect(
        (fastJob.seedAudience as { sqlComputeConfiguration: unknown }).sqlComputeConfiguration,
      ).toEqual(large);
      expect(inProgressMs(slowJob)).toBeGreaterThan(3 * inProgressMs(fastJob));
    }, 30_000);

    it("grow with the seed size", async () => {
      const [, , few, many] = (await jobs()) as [Job, Job, Job, Job];
      expect(inProgressMs(many)).toBeGreaterThan(inProgressMs(few) + 500);
    }, 30_000);
  });
});

describe("results", () => {
  it("give a seed from one interest group a clearly higher recall than a random seed, which gets about the largest size's share", async () => {
    const random = (await emulator.call("GET", jobPath(DEMO_JOB_ARNS.randomBaseline))).json as Job;
    const sports = await run(s3(DEMO_SEED_URIS.sportsFans));
    const share = Math.max(...PERCENTAGE.audienceSizeConfig.audienceSizeBins) / 100;
    expect(random.metrics?.recallMetric).toBeGreaterThan(share - 0.1);
    expect(random.metrics?.recallMetric).toBeLessThan(share + 0.1);
    expect(sports.metrics?.recallMetric).toBeGreaterThan(
      (random.metrics?.recallMetric ?? 1) + 0.25,
    );
    expect(sports.metrics?.relevanceMetrics[0]?.score).toBeGreaterThan(
      (random.metrics?.relevanceMetrics[0]?.score ?? 10) + 2,
    );
  });

  it("score every size of the configured model within 0..10, never higher for a larger size", async () => {
    for (const arn of [
      DEMO_JOB_ARNS.sportsFans,
      DEMO_JOB_ARNS.randomBaseline,
      DEMO_JOB_ARNS.travelSql,
    ]) {
      const job = (await emulator.call("GET", jobPath(arn))).json as Job;
      const metrics = job.metrics?.relevanceMetrics ?? [];
      expect(metrics.length).toBeGreaterThan(0);
      for (const m of metrics) {
        expect(m.score).toBeGreaterThanOrEqual(0);
        expect(m.score).toBeLessThanOrEqual(10);
      }
      const bySize = [...metrics].sort((a, b) => a.audienceSize.value - b.audienceSize.value);
      for (let i = 1; i < bySize.length; i++)
        expect(bySize[i]?.score).toBeLessThanOrEqual(bySize[i - 1]?.score ?? 10);
      expect(job.metrics?.recallMetric).toBeGreaterThanOrEqual(0);
      expect(job.metrics?.recallMetric).toBeLessThanOrEqual(1);
    }
  });

  it("are the same for the same seed", async () => {
    const [a, b] = await Promise.all([
      run(s3(DEMO_SEED_URIS.sportsFans)),
      run(s3(DEMO_SEED_URIS.sportsFans)),
    ]);
    expect(a.metrics).toEqual(b.metrics);
  });

  it("read a folder of seed files, a template with its default or given parameters", async () => {
    expect((await run(s3(DEMO_SEED_URIS.fitnessFolder))).status).toBe("ACTIVE");
    const byDefault = await run(template(DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn));
    expect(byDefault.status).toBe("ACTIVE");
    expect(byDefault.protectedQueryIdentifier).toMatch(/^[0-9a-f-]{36}$/);
    const travel = await run(
      template(DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn, {
        segment: "travel",
        min_value: "100",
      }),
    );
    expect(travel.status).toBe("ACTIVE");
    expect(travel.seedAudience).toEqual(
      template(DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn, {
        segment: "travel",
        min_value: "100",
      }),
    );
  });
});

describe("failures say why", () => {
  it.each([
    [
      "a missing seed file",
      s3("s3://demo-seeds/nothing-here.jsonl"),
      "SEED_FILE_NOT_FOUND",
      /No seed file at s3:\/\/demo-seeds\/nothing-here.jsonl/,
    ],
    [
      "a path out of the S3 folder",
      s3("s3://demo-seeds/../../state.sqlite"),
      "SEED_LOCATION_INVALID",
      /not an S3 location/,
    ],
    [
      "a file that is not JSON lines",
      s3(DEMO_SEED_URIS.malformed),
      "SEED_FILE_NOT_JSON_LINES",
      /line 1 is not valid JSON/,
    ],
    [
      "lines without user_id",
      s3(DEMO_SEED_URIS.missingUserId),
      "SEED_FILE_MISSING_USER_ID",
      /line 1 has no user_id/,
    ],
    [
      "too few unique users",
      s3(DEMO_SEED_URIS.tooSmall),
      "SEED_TOO_FEW_USERS",
      /has 10 unique user IDs; at least 25/,
    ],
    [
      "users the training data lacks",
      s3(DEMO_SEED_URIS.unknownUsers),
      "INSUFFICIENT_MATCHING_SEED_USERS",
      /Only 0 of 300 seed users match/,
    ],
    [
      "SQL that fails",
      sql("SELECT user_id FROM nowhere"),
      "SQL_QUERY_FAILED",
      /no such table: nowhere/,
    ],
    [
      "SQL that writes",
      sql("DELETE FROM customers"),
      "SQL_QUERY_FAILED",
      /must be a single SELECT/,
    ],
    [
      "SQL missing a parameter",
      sql("SELECT user_id FROM customers WHERE segment = :segment"),
      "SQL_QUERY_FAILED",
      /Missing named parameter "segment"/,
    ],
    [
      "SQL without a user_id column",
      sql("SELECT segment, region FROM customers"),
      "SQL_NO_USER_ID_COLUMN",
      /returns: segment, region/,
    ],
  ])("%s", async (_label, seedAudience, statusCode, message) => {
    const job = await run(seedAudience);
    expect(job.status).toBe("CREATE_FAILED");
    expect(job.statusDetails?.statusCode).toBe(statusCode);
    expect(job.statusDetails?.message).toMatch(message);
    expect(job).not.toHaveProperty("metrics");
  });

  it("refuses unknown models and templates (404) and template parameters the template lacks (400)", async () => {
    const start = (body: Record<string, unknown>) =>
      emulator.call("POST", "/audience-generation-job", {
        name: uniqueJobName("x"),
        configuredAudienceModelArn: PERCENTAGE.arn,
        ...body,
      });
    const unknownModel = await start({
      configuredAudienceModelArn: PERCENTAGE.arn.replace(/.{4}$/, "0000"),
      seedAudience: s3(DEMO_SEED_URIS.sportsFans),
    });
    expect(unknownModel.status).toBe(404);
    expect(unknownModel.json.message).toMatch(/^Configured audience model .* does not exist\.$/);
    const unknownTemplate = await start({
      seedAudience: template(
        DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn.replace(/.{4}$/, "0000"),
      ),
    });
    expect(unknownTemplate.status).toBe(404);
    const extra = await start({
      seedAudience: template(DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn, { region: "north" }),
    });
    expect(extra.status).toBe(400);
    expect(extra.json.message).toBe(
      "seedAudience.sqlParameters.parameters.region: The analysis template has no parameter region (it has: segment)",
    );
    const missing = await start({
      seedAudience: template(DEMO_ANALYSIS_TEMPLATES.valuableCustomers.arn),
    });
    expect(missing.status).toBe(400);
    expect(missing.json.message).toMatch(/requires a value for segment/);
  });
});

describe("exports", () => {
  const exportJob = (body: Record<string, unknown>) =>
    emulator.call("POST", "/audience-export-job", body);
  const listExports = async (arn: string) =>
    (
      await emulator.call(
        "GET",
        `/audience-export-job?audienceGenerationJobArn=${encodeURIComponent(arn)}`,
      )
    ).json.audienceExportJobs as Record<string, unknown>[];
  const waitForExport = async (arn: string, name: string) => {
    for (let i = 0; i < 500; i++) {
      const found = (await listExports(arn)).find((e) => e.name === name);
      if (found && (found.status === "ACTIVE" || found.status === "CREATE_FAILED")) return found;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`Export ${name} did not finish`);
  };
  const readUsers = (outputLocation: string) =>
    fs
      .readFileSync(s3PathOf(outputLocation, path.join(emulator.dataDir, "s3")) ?? "", "utf8")
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { user_id: string }).user_id);

  it("writes the top N users of a percentage size to the model's output location", async () => {
    const job = await run(s3(DEMO_SEED_URIS.sportsFans));
    const arn = String(job.audienceGenerationJobArn);
    const res = await exportJob({
      name: "Top 10%",
      audienceGenerationJobArn: arn,
      audienceSize: { type: "PERCENTAGE", value: 10 },
    });
    expect(res.status).toBe(200);
    expect(res.text).toBe("");
    const pending = (await listExports(arn))[0];
    expect(pending).toMatchObject({
      name: "Top 10%",
      audienceSize: { type: "PERCENTAGE", value: 10 },
    });
    expect(["CREATE_PENDING", "CREATE_IN_PROGRESS"]).toContain(pending?.status);
    expect(pending).not.toHaveProperty("outputLocation");

    const done = await waitForExport(arn, "Top 10%");
    expect(done.status).toBe("ACTIVE");
    expect(String(done.outputLocation)).toMatch(
      new RegExp(`^${PERCENTAGE.outputS3Uri}${arn.split("/")[1]}/[0-9a-f-]{36}\\.jsonl$`),
    );
    const users = readUsers(String(done.outputLocation));
    const seed = new Set(
      fs
        .readFileSync(path.join(emulator.dataDir, "s3/demo-seeds/sports-fans.jsonl"), "utf8")
        .match(/u\d{7}/g),
    );
    expect(users).toHaveLength(Math.floor(((20_000 - seed.size) * 10) / 100));
    expect(new Set(users).size).toBe(users.length);
    expect(users.filter((u) => seed.has(u))).toEqual([]);
  });

  it("puts the matched seed users first when the job includes the seed", async () => {
    const job = await run(s3(DEMO_SEED_URIS.sportsFans), { includeSeedInOutput: true });
    const arn = String(job.audienceGenerationJobArn);
    expect(job.includeSeedInOutput).toBe(true);
    await exportJob({
      name: "With seed",
      audienceGenerationJobArn: arn,
      audienceSize: { type: "PERCENTAGE", value: 20 },
    });
    const users = readUsers(String((await waitForExport(arn, "With seed")).outputLocation));
    const seed = new Set(
      fs
        .readFileSync(path.join(emulator.dataDir, "s3/demo-seeds/sports-fans.jsonl"), "utf8")
        .match(/u\d{7}/g),
    );
    expect(users).toHaveLength(Math.floor((20_000 * 20) / 100));
    expect(users.slice(0, seed.size).every((u) => seed.has(u))).toBe(true);
    expect(users.slice(seed.size).some((u) => seed.has(u))).toBe(false);
    expect(users.every((u) => userIndexOf(u, 20_000) >= 0)).toBe(true);
  });

  it("exports an absolute size of at most the ranked population", async () => {
    const arn = DEMO_JOB_ARNS.sportsFans;
    await exportJob({
      name: "Top 5000",
      audienceGenerationJobArn: arn,
      audienceSize: { type: "ABSOLUTE", value: 5000 },
    });
    expect(readUsers(String((await waitForExport(arn, "Top 5000")).outputLocation))).toHaveLength(
      5000,
    );
    const all = await listExports(arn);
    expect(all.map((e) => e.name)).toEqual(["Top 5000", "Sports fans top 10k"]);
  });

  it("refuses sizes the model lacks, jobs not ACTIVE, other members' jobs and unknown jobs", async () => {
    const size = { type: "PERCENTAGE", value: 10 };
    const wrongSize = await exportJob({
      name: "x",
      audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans,
      audienceSize: size,
    });
    expect(wrongSize.status).toBe(400);
    expect(wrongSize.json.message).toBe(
      "audienceSize: Must be one of the configured audience model's sizes: ABSOLUTE 5000, 10000, 25000, 50000",
    );
    const failed = await exportJob({
      name: "x",
      audienceGenerationJobArn: DEMO_JOB_ARNS.tooSmall,
      audienceSize: size,
    });
    expect(failed.status).toBe(409);
    expect(failed.json.message).toMatch(/is CREATE_FAILED; only an ACTIVE job can be exported/);
    const partner = await exportJob({
      name: "x",
      audienceGenerationJobArn: DEMO_JOB_ARNS.partnerFitness,
      audienceSize: { type: "ABSOLUTE", value: 5000 },
    });
    expect(partner.status).toBe(403);
    const unknown = await exportJob({
      name: "x",
      audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans.replace(/.{4}$/, "0000"),
      audienceSize: size,
    });
    expect(unknown.status).toBe(404);
  });

  it("pages the export list", async () => {
    const first = await emulator.call("GET", "/audience-export-job?maxResults=1");
    expect((first.json.audienceExportJobs as unknown[]).length).toBe(1);
    expect(first.json.nextToken).toEqual(expect.any(String));
    const bad = await emulator.call("GET", "/audience-export-job?maxResults=0");
    expect(bad.status).toBe(400);
  });
});
