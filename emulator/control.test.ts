import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_CONFIGURED_MODELS, DEMO_SEED_ROLE_ARN, DEMO_SEED_URIS } from "./demo/catalog";
import { startTestEmulator, type TestEmulator } from "./testing";

describe("emulator controls (/_emulator/time-scale)", () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ timeScale: 100 });
  });
  afterAll(() => emulator.close());

  it("reads and changes the time scale, which new jobs then follow", async () => {
    expect((await emulator.call("GET", "/_emulator/time-scale")).json).toEqual({ timeScale: 100 });
    expect((await emulator.call("PUT", "/_emulator/time-scale", { timeScale: 0.5 })).json).toEqual({
      timeScale: 0.5,
    });

    const started = await emulator.call("POST", "/audience-generation-job", {
      name: "Slow after the change",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
      seedAudience: {
        roleArn: DEMO_SEED_ROLE_ARN,
        dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
      },
    });
    expect(started.status).toBe(200);
    // At time scale 0.5 the pending phase lasts 10 s; at 100 it would be over after 50 ms.
    await new Promise((r) => setTimeout(r, 300));
    const job = await emulator.call(
      "GET",
      `/audience-generation-job/${encodeURIComponent(String(started.json.audienceGenerationJobArn))}`,
    );
    expect(job.json.status).toBe("CREATE_PENDING");
  });

  it("refuses a time scale that is not a positive number, and unknown controls", async () => {
    for (const timeScale of [0, -1, "fast", 10_001]) {
      const reply = await emulator.call("PUT", "/_emulator/time-scale", { timeScale });
      expect(reply.status).toBe(400);
      expect(reply.headers.get("x-amzn-errortype")).toBe("ValidationException");
    }
    expect((await emulator.call("GET", "/_emulator/nothing")).status).toBe(404);
  });
});

describe("emulator controls (/_emulator/calls)", () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ throttleRate: 0.5, faultSeed: 7 });
  });
  afterAll(() => emulator.close());

  it("counts the requests each operation received, throttled ones apart, until reset", async () => {
    await emulator.call("DELETE", "/_emulator/calls");
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      statuses.push((await emulator.call("GET", "/configured-audience-model")).status);
    }
    await emulator.call("GET", "/audience-generation-job");
    const throttled = statuses.filter((s) => s === 429).length;
    expect(throttled).toBeGreaterThan(0);

    const counts = (await emulator.call("GET", "/_emulator/calls")).json;
    expect(counts.calls).toMatchObject({
      ListConfiguredAudienceModels: 20,
      ListAudienceGenerationJobs: 1,
    });
    expect((counts.throttled as Record<string, number>).ListConfiguredAudienceModels).toBe(
      throttled,
    );
    // Reading the counts is not a call of the service.
    expect((await emulator.call("GET", "/_emulator/calls")).json).toEqual(counts);

    expect((await emulator.call("DELETE", "/_emulator/calls")).json).toEqual({
      calls: {},
      throttled: {},
    });
    expect((await emulator.call("GET", "/_emulator/calls")).json).toEqual({
      calls: {},
      throttled: {},
    });
    expect((await emulator.call("PUT", "/_emulator/calls", {})).status).toBe(404);
  });
});

describe("emulator controls (/_emulator/lost-answers)", () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator();
  });
  afterAll(() => emulator.close());

  const start = (name: string) =>
    emulator.call("POST", "/audience-generation-job", {
      name,
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      seedAudience: {
        roleArn: DEMO_SEED_ROLE_ARN,
        dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
      },
    });
  const namesListed = async () =>
    (
      (await emulator.call("GET", "/audience-generation-job?maxResults=100")).json
        .audienceGenerationJobs as { name: string }[]
    ).map((job) => job.name);

  it("carries out the next call, then loses its answer: a 500, or no answer at all", async () => {
    const armed = await emulator.call("PUT", "/_emulator/lost-answers", {
      operation: "StartAudienceGenerationJob",
      as: "error",
    });
    expect(armed.json).toEqual({
      lostAnswers: { StartAudienceGenerationJob: { as: "error", remaining: 1 } },
    });
    const failed = await start("Answer lost as a 500");
    expect(failed.status).toBe(500);
    expect(failed.headers.get("x-amzn-errortype")).toBe("InternalServerException");
    expect(await namesListed()).toContain("Answer lost as a 500");
    // Only the next one: the one after is answered.
    expect((await start("Answered")).status).toBe(200);

    await emulator.call("PUT", "/_emulator/lost-answers", {
      operation: "StartAudienceGenerationJob",
      as: "drop",
    });
    await expect(start("Answer dropped")).rejects.toThrow();
    expect(await namesListed()).toContain("Answer dropped");
  });

  it("refuses what it cannot do, and cancels what was armed", async () => {
    for (const body of [
      {},
      { operation: "StartAudienceGenerationJob", as: "late" },
      { operation: "StartAudienceGenerationJob", count: 0 },
    ]) {
      expect((await emulator.call("PUT", "/_emulator/lost-answers", body)).status).toBe(400);
    }
    await emulator.call("PUT", "/_emulator/lost-answers", {
      operation: "ListAudienceGenerationJobs",
    });
    expect((await emulator.call("DELETE", "/_emulator/lost-answers")).json).toEqual({
      lostAnswers: {},
    });
    expect((await emulator.call("GET", "/audience-generation-job")).status).toBe(200);
  });
});
