import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_CONFIGURED_MODELS, DEMO_SEED_ROLE_ARN, DEMO_SEED_URIS } from "./demo/catalog";
import { startTestEmulator, type TestEmulator } from "./testing";

describe("a first use without demo jobs (EMULATOR_DEMO_JOBS=0)", () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ demoJobs: false });
  });
  afterAll(() => emulator.close());

  it("has the models and seeds but no jobs", async () => {
    expect(
      (await emulator.call("GET", "/audience-generation-job")).json.audienceGenerationJobs,
    ).toEqual([]);
    const models = (await emulator.call("GET", "/configured-audience-model")).json
      .configuredAudienceModels as { name: string }[];
    // Our own models; the partner's reach us through the collaboration's associations.
    expect(models.map((m) => m.name)).toEqual([
      DEMO_CONFIGURED_MODELS.retailAbsolute.name,
      DEMO_CONFIGURED_MODELS.retailPercentage.name,
    ]);
    const job = await emulator.runJob({
      name: "First job",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
      seedAudience: {
        roleArn: DEMO_SEED_ROLE_ARN,
        dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
      },
    });
    expect(job.status).toBe("ACTIVE");
  });
});
