import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_CONFIGURED_MODELS, DEMO_SEED_ROLE_ARN } from "./demo/catalog";
import { ComputeTimeoutError, createWorkerPool } from "./lookalike/pool";
import { readSeed, SQL_SCAN_FACTOR } from "./lookalike/seed";
import type { GenerateTask } from "./lookalike/tasks";
import { startTestEmulator, uniqueJobName, type TestEmulator } from "./testing";

/** Makes rows without end, all the same user: only a cap on rows stops it. */
const ENDLESS_ROWS =
  "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT 'u0000001' AS user_id FROM r";
/** Never returns a row and reads no table: only a time limit stops it. */
const ENDLESS_SILENCE =
  "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT 'u1' AS user_id FROM r WHERE x < 0";

const COMPUTE_QUEUE_MAX = 4;
let emulator: TestEmulator;
beforeAll(async () => {
  emulator = await startTestEmulator({ computeQueueMax: COMPUTE_QUEUE_MAX });
});
afterAll(() => emulator.close());

const paths = () => ({
  s3Root: path.join(emulator.dataDir, "s3"),
  seedDatabase: path.join(emulator.dataDir, "seed-owner.sqlite"),
});

describe("what a SQL seed may scan", () => {
  const limits = { min: 1, max: 1_000 };
  const sqlSeed = (queryString: string, parameters: Record<string, string> = {}) =>
    readSeed({ kind: "sql", queryString, parameters }, paths(), limits);

  it("is a small multiple of the seed maximum, counting rows read from tables and rows returned", () => {
    // Reads every customer once: far more than 4,000 rows, but a self-join reads them again and again.
    const selfJoin = sqlSeed(
      "SELECT a.user_id FROM customers a JOIN customers b ON a.user_id = b.user_id WHERE a.segment = 'travel' LIMIT 10",
    );
    expect(selfJoin).toMatchObject({ ok: false, statusCode: "SQL_QUERY_TOO_EXPENSIVE" });
    const endless = sqlSeed(ENDLESS_ROWS);
    expect(endless).toMatchObject({ ok: false, statusCode: "SQL_QUERY_TOO_EXPENSIVE" });
    expect(endless.ok ? "" : endless.message).toContain(
      `more than ${(limits.max * SQL_SCAN_FACTOR).toLocaleString("en-US")} rows`,
    );
  });

  it("leaves an ordinary query alone, parameters and all", () => {
    const seed = readSeed(
      {
        kind: "sql",
        queryString: "SELECT user_id FROM customers WHERE segment = :segment",
        parameters: { segment: "travel" },
      },
      paths(),
      { min: 1, max: 500_000 },
    );
    expect(seed.ok && seed.userIds.length).toBeGreaterThan(100);
  });
});

describe("a SQL seed job", () => {
  const start = (queryString: string) =>
    emulator.call("POST", "/audience-generation-job", {
      name: uniqueJobName("runaway"),
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      seedAudience: { roleArn: DEMO_SEED_ROLE_ARN, sqlParameters: { queryString } },
    });

  it("that scans without end fails early with SQL_QUERY_TOO_EXPENSIVE, and the next job runs", async () => {
    const job = await emulator.runJob({
      name: "runaway",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      seedAudience: { roleArn: DEMO_SEED_ROLE_ARN, sqlParameters: { queryString: ENDLESS_ROWS } },
    });
    expect(job.status).toBe("CREATE_FAILED");
    // Stopped by the row cap, not by a time limit (the 120 s compute limit it used to run into).
    expect(job.statusDetails).toMatchObject({ statusCode: "SQL_QUERY_TOO_EXPENSIVE" });
    expect((job.statusDetails as { message?: string }).message).toMatch(
      /read or returned more than 2,000,000 rows/,
    );
    const next = await emulator.runJob({
      name: "ordinary",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      seedAudience: {
        roleArn: DEMO_SEED_ROLE_ARN,
        sqlParameters: { queryString: "SELECT user_id FROM customers WHERE segment = 'travel'" },
      },
    });
    expect(next.status).toBe("ACTIVE");
  }, 90_000);

  it(`is refused with ServiceQuotaExceededException once ${COMPUTE_QUEUE_MAX} wait for compute`, async () => {
    for (let i = 0; i < COMPUTE_QUEUE_MAX; i++)
      expect((await start(ENDLESS_ROWS)).status).toBe(200);
    const refused = await start("SELECT user_id FROM customers");
    expect(refused.status).toBe(402);
    expect(refused.headers.get("x-amzn-errortype")).toBe("ServiceQuotaExceededException");
    expect(refused.json.message).toMatch(
      new RegExp(
        `already being computed or waiting .* \\(at most ${COMPUTE_QUEUE_MAX}, EMULATOR_COMPUTE_QUEUE_MAX\\)`,
      ),
    );
  });
});

describe("the compute worker's time limit for one task", () => {
  it("stops a query that neither reads nor returns rows, with the status code it was given", async () => {
    const pool = createWorkerPool({ timeoutMs: 120_000 });
    const task: GenerateTask = {
      kind: "generate",
      dataset: { generatorSeed: 2024, users: 20_000 },
      seed: { kind: "sql", queryString: ENDLESS_SILENCE, parameters: {} },
      paths: paths(),
      seedLimits: { min: 1, max: 500_000 },
      minMatchingSeedSize: 1,
      audienceSizeConfig: { audienceSizeType: "PERCENTAGE", audienceSizeBins: [10] },
      shareMetrics: false,
      includeSeedInOutput: false,
    };
    try {
      const error = await pool
        .run(task, { timeoutMs: 1_500, timeoutCode: "SQL_QUERY_TOO_EXPENSIVE" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ComputeTimeoutError);
      expect((error as ComputeTimeoutError).code).toBe("SQL_QUERY_TOO_EXPENSIVE");
    } finally {
      await pool.close();
    }
  }, 30_000);
});
