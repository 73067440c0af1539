/**
 * The project's typed client (lib/cleanrooms-ml) against a real emulator:
 * signing, serialisation, timestamps, pagination and typed errors end to end.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import {
  CleanRoomsMLClient,
  ConflictException,
  DeleteAudienceGenerationJobCommand,
  GetAudienceGenerationJobCommand,
  GetAudienceModelCommand,
  GetConfiguredAudienceModelCommand,
  ListAudienceExportJobsCommand,
  ListTagsForResourceCommand,
  paginateListAudienceGenerationJobs,
  ResourceNotFoundException,
  StartAudienceExportJobCommand,
  StartAudienceGenerationJobCommand,
  TagResourceCommand,
  ThrottlingException,
  UntagResourceCommand,
  ValidationException,
} from "../lib/cleanrooms-ml";
import {
  DEMO_AUDIENCE_MODELS,
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "./demo/catalog";
import { PARTNER_ACCOUNT_ID } from "./identity";
import { startTestEmulator, type TestEmulator } from "./testing";

let emulator: TestEmulator;
let client: CleanRoomsMLClient;
beforeAll(async () => {
  emulator = await startTestEmulator();
  client = new CleanRoomsMLClient({
    region: "us-east-1",
    endpoint: emulator.url,
    credentials: { accessKeyId: "x", secretAccessKey: "y" },
  });
});
afterAll(() => emulator.close());

describe("CleanRoomsMLClient against the emulator", () => {
  it("starts a job, reads it with Date timestamps, and sees it finish", async () => {
    const { audienceGenerationJobArn } = await client.send(
      new StartAudienceGenerationJobCommand({
        name: "Via the client",
        configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
        seedAudience: {
          dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
          roleArn: DEMO_SEED_ROLE_ARN,
        },
        tags: { via: "client" },
      }),
    );
    const job = await client.send(
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn }),
    );
    expect(job.createTime).toBeInstanceOf(Date);
    expect(job.name).toBe("Via the client");
    expect(job.tags).toEqual({ via: "client" });
    const done = await emulator.waitForJob(audienceGenerationJobArn, (j) => j.status === "ACTIVE");
    expect(done.job.metrics).toBeDefined();
    const active = await client.send(
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn }),
    );
    expect(active.status).toBe("ACTIVE");
    expect(active.metrics?.relevanceMetrics).toHaveLength(5);
    expect(active.updateTime.getTime()).toBeGreaterThan(active.createTime.getTime());
  });

  it("pages through every job", async () => {
    const arns: string[] = [];
    for await (const page of paginateListAudienceGenerationJobs({ client, pageSize: 2 }, {})) {
      expect(page.audienceGenerationJobs.length).toBeLessThanOrEqual(2);
      arns.push(...page.audienceGenerationJobs.map((j) => j.audienceGenerationJobArn));
    }
    expect(arns).toEqual(expect.arrayContaining(Object.values(DEMO_JOB_ARNS)));
    expect(new Set(arns).size).toBe(arns.length);
  });

  it("reads models", async () => {
    // The streaming models are the partner's: read as the partner (its access key ID).
    const partner = new CleanRoomsMLClient({
      region: "us-east-1",
      endpoint: emulator.url,
      credentials: { accessKeyId: PARTNER_ACCOUNT_ID, secretAccessKey: "y" },
    });
    const model = await partner.send(
      new GetConfiguredAudienceModelCommand({
        configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.streamingReach.arn,
      }),
    );
    expect(model.sharedAudienceMetrics).toEqual(["NONE"]);
    expect(model.audienceSizeConfig?.audienceSizeBins).toEqual([1000, 2500, 5000, 10000, 20000]);
    const audienceModel = await client.send(
      new GetAudienceModelCommand({ audienceModelArn: DEMO_AUDIENCE_MODELS.retail.arn }),
    );
    expect(audienceModel.trainingDataStartTime).toEqual(new Date("2024-01-01T00:00:00.000Z"));
  });

  it("tags and untags", async () => {
    const resourceArn = DEMO_JOB_ARNS.travelSql;
    await client.send(new TagResourceCommand({ resourceArn, tags: { a: "1", b: "2" } }));
    await client.send(new UntagResourceCommand({ resourceArn, tagKeys: ["a", "team"] }));
    expect((await client.send(new ListTagsForResourceCommand({ resourceArn }))).tags).toEqual({
      b: "2",
    });
  });

  it("exports and lists exports", async () => {
    await client.send(
      new StartAudienceExportJobCommand({
        name: "Client export",
        audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans,
        audienceSize: { type: "ABSOLUTE", value: 25000 },
      }),
    );
    const { audienceExportJobs } = await client.send(
      new ListAudienceExportJobsCommand({ audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans }),
    );
    expect(audienceExportJobs[0]?.name).toBe("Client export");
    expect(audienceExportJobs[0]?.createTime).toBeInstanceOf(Date);
  });

  it("raises the service's errors as typed exceptions with its message", async () => {
    const missing = DEMO_JOB_ARNS.sportsFans.replace(/.{4}$/, "0000");
    await expect(
      client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: missing })),
    ).rejects.toBeInstanceOf(ResourceNotFoundException);
    const invalid = client.send(
      new StartAudienceGenerationJobCommand({
        name: "",
        configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
        seedAudience: { roleArn: DEMO_SEED_ROLE_ARN },
      }),
    );
    await expect(invalid).rejects.toBeInstanceOf(ValidationException);
    await expect(invalid).rejects.toThrow(/name: Name is required/);
    const started = await client.send(
      new StartAudienceGenerationJobCommand({
        name: "Too early to delete",
        configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
        seedAudience: {
          dataSource: { s3Uri: DEMO_SEED_URIS.randomSample },
          roleArn: DEMO_SEED_ROLE_ARN,
        },
      }),
    );
    await expect(
      client.send(
        new DeleteAudienceGenerationJobCommand({
          audienceGenerationJobArn: started.audienceGenerationJobArn,
        }),
      ),
    ).rejects.toBeInstanceOf(ConflictException);
  });

  it("sees injected throttling as ThrottlingException once its retries run out", async () => {
    const throttled = await startTestEmulator({ throttleRate: 1 });
    try {
      const impatient = new CleanRoomsMLClient({
        region: "us-east-1",
        endpoint: throttled.url,
        credentials: { accessKeyId: "x", secretAccessKey: "y" },
        maxAttempts: 2,
        sleep: async () => undefined,
      });
      await expect(
        impatient.send(
          new GetAudienceGenerationJobCommand({
            audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans,
          }),
        ),
      ).rejects.toBeInstanceOf(ThrottlingException);
    } finally {
      await throttled.close();
    }
  });
});
