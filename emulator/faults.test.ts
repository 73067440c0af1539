/** Fault injection: off by default, set per emulator (EMULATOR_LATENCY_MS, _THROTTLE_RATE, _ERROR_RATE). */
import { afterEach, describe, expect, it } from "vitest";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "./demo/catalog";
import { jobPath, startTestEmulator, uniqueJobName, type TestEmulator } from "./testing";

let emulator: TestEmulator | undefined;
afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
});

describe("fault injection", () => {
  it("answers every operation with 429 ThrottlingException at a throttle rate of 1, and changes nothing", async () => {
    emulator = await startTestEmulator({ throttleRate: 1 });
    for (const [method, path] of [
      ["GET", jobPath(DEMO_JOB_ARNS.sportsFans)],
      ["DELETE", jobPath(DEMO_JOB_ARNS.sportsFans)],
      ["GET", "/configured-audience-model"],
    ]) {
      const res = await emulator.call(method as string, path as string);
      expect(res.status).toBe(429);
      expect(res.headers.get("x-amzn-errortype")).toBe("ThrottlingException");
      expect(res.headers.get("x-amzn-requestid")).toBeTruthy();
      expect(res.json.message).toMatch(/Rate exceeded/);
    }
  });

  it("answers with 500 InternalServerException at an error rate of 1", async () => {
    emulator = await startTestEmulator({ errorRate: 1 });
    const res = await emulator.call("GET", "/audience-generation-job");
    expect(res.status).toBe(500);
    expect(res.headers.get("x-amzn-errortype")).toBe("InternalServerException");
  });

  it("throttles about the given share of requests, repeatably with a fault seed", async () => {
    const statuses = async () => {
      const run = await startTestEmulator({ throttleRate: 0.3, faultSeed: 7 });
      const out: number[] = [];
      for (let i = 0; i < 200; i++) out.push((await run.call("GET", "/audience-model")).status);
      await run.close();
      return out;
    };
    const first = await statuses();
    const throttled = first.filter((s) => s === 429).length;
    expect(throttled).toBeGreaterThan(40);
    expect(throttled).toBeLessThan(80);
    expect(first.filter((s) => s !== 429).every((s) => s === 200)).toBe(true);
    expect(await statuses()).toEqual(first);
  });

  it("adds latency to every response", async () => {
    emulator = await startTestEmulator({ latencyMs: 300 });
    const started = performance.now();
    expect((await emulator.call("GET", "/audience-model")).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(295);
  });

  it("is off by default", async () => {
    emulator = await startTestEmulator();
    for (let i = 0; i < 50; i++)
      expect((await emulator.call("GET", "/audience-model")).status).toBe(200);
  });
});

describe("a runaway computation", () => {
  it("fails its own job with COMPUTE_TIMEOUT and leaves the next job unharmed", async () => {
    emulator = await startTestEmulator({ computeTimeoutMs: 1500 });
    const start = (seedAudience: unknown) => ({
      name: uniqueJobName("runaway"),
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      seedAudience,
    });
    const endless =
      "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) " +
      "SELECT user_id FROM customers WHERE lifetime_value = (SELECT max(x) FROM r)";
    const runaway = await emulator.runJob(
      start({ roleArn: DEMO_SEED_ROLE_ARN, sqlParameters: { queryString: endless } }),
    );
    expect(runaway.status).toBe("CREATE_FAILED");
    expect(runaway.statusDetails).toEqual({
      statusCode: "COMPUTE_TIMEOUT",
      message: "The computation did not finish within 2 s",
    });
    const next = await emulator.runJob(
      start({ roleArn: DEMO_SEED_ROLE_ARN, dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans } }),
    );
    expect(next.status).toBe("ACTIVE");
  });
});
