/**
 * The start-job server action against a real local service on a loopback
 * port: nothing between them is mocked.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import {
  DEMO_ANALYSIS_TEMPLATES,
  DEMO_CONFIGURED_MODELS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "@/emulator/demo/catalog";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { OperationBackoff, SERVICE_MAX_ATTEMPTS } from "@/lib/cleanrooms-ml";
import { emptyStartJobForm, type StartJobFormValues } from "@/lib/schemas/start-job-form";

type Action = typeof import("./start-audience-generation-job").startAudienceGenerationJob;
const running: TestEmulator[] = [];
afterAll(async () => {
  await Promise.all(running.map((e) => e.close()));
});
afterEach(() => {
  vi.unstubAllEnvs();
});

/** A fresh service and a fresh copy of the action, whose one client points at it. */
async function actionAgainst(
  options: Parameters<typeof startTestEmulator>[0] = {},
): Promise<[Action, TestEmulator]> {
  const emulator = await startTestEmulator(options);
  running.push(emulator);
  vi.stubEnv("CLEANROOMS_ML_ENDPOINT", emulator.url);
  vi.stubEnv("AWS_REGION", "us-east-1");
  // As `npm start` runs it: on a loopback address, so no sign-in is needed.
  vi.stubEnv("DASHBOARD_BIND_HOST", "127.0.0.1");
  vi.resetModules();
  const { startAudienceGenerationJob } = await import("./start-audience-generation-job");
  return [startAudienceGenerationJob, emulator];
}

const values: StartJobFormValues = {
  ...emptyStartJobForm,
  name: "Action test",
  configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
  s3Uri: DEMO_SEED_URIS.sportsFans,
  roleArn: DEMO_SEED_ROLE_ARN,
};
const template = DEMO_ANALYSIS_TEMPLATES.customersBySegment;

describe("startAudienceGenerationJob", () => {
  let start: Action;
  let emulator: TestEmulator;
  beforeAll(async () => {
    [start, emulator] = await actionAgainst();
  });

  it("starts the job the values describe and returns its ARN", async () => {
    const result = await start({
      ...values,
      tags: [{ key: "team", value: "growth" }],
      includeSeedInOutput: true,
    });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const job = await emulator.call(
      "GET",
      `/audience-generation-job/${encodeURIComponent(result.data.audienceGenerationJobArn)}`,
    );
    expect(job.json).toMatchObject({
      name: "Action test",
      configuredAudienceModelArn: values.configuredAudienceModelArn,
      seedAudience: {
        roleArn: DEMO_SEED_ROLE_ARN,
        dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
      },
      includeSeedInOutput: true,
      tags: { team: "growth" },
    });
  });

  it("never trusts its caller: it checks the values again and sends nothing that fails", async () => {
    // The jobs the service holds, by ARN: earlier tests' jobs move on meanwhile, but none may be added.
    const jobArns = async () =>
      (
        (await emulator.call("GET", "/audience-generation-job?maxResults=100")).json
          .audienceGenerationJobs as {
          audienceGenerationJobArn: string;
        }[]
      ).map((job) => job.audienceGenerationJobArn);
    const before = await jobArns();
    expect(await start({ ...values, name: "", tags: [{ key: "aws:x", value: "" }] })).toEqual({
      ok: false,
      error: {
        code: "InvalidInput",
        message: expect.any(String),
        fieldErrors: {
          name: "Name is required",
          "tags.0.key": "Tag keys starting with aws: (in any case) are reserved for AWS",
        },
      },
    });
    for (const bad of [null, "x", { ...values, admin: true }, { ...values, workerCount: 4 }]) {
      const result = await start(bad);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.code).toBe("InvalidInput");
    }
    expect(await jobArns()).toEqual(before);
  });

  it("puts a service ValidationException beside the field it names", async () => {
    const result = await start({
      ...values,
      seedSource: "ANALYSIS_TEMPLATE",
      analysisTemplateArn: template.arn,
      parameters: [{ key: "colour", value: "blue" }],
    });
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: "ValidationException",
        fieldErrors: {
          // In words, beside the field: the service's member path in front is dropped.
          parameters: "The analysis template has no parameter colour (it has: segment)",
        },
        hint: expect.any(String),
      },
    });
  });

  it("returns other service errors with their type, the service's message and what to do", async () => {
    const missing = template.arn.replace(/[0-9a-f]{4}$/, "ffff");
    const result = await start({
      ...values,
      seedSource: "ANALYSIS_TEMPLATE",
      analysisTemplateArn: missing,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: "ResourceNotFoundException",
        message: `Analysis template ${missing} does not exist.`,
        hint: expect.stringContaining("deleted"),
      },
    });
  });

  it("counts the tags the job inherits from its model toward the limit, beside the tags", async () => {
    const inheriting = DEMO_CONFIGURED_MODELS.retailAbsolute; // passes on one tag
    const tags = (n: number) => Array.from({ length: n }, (_, i) => ({ key: `k${i}`, value: "" }));
    const over = await start({
      ...values,
      configuredAudienceModelArn: inheriting.arn,
      tags: tags(50),
    });
    expect(over).toEqual({
      ok: false,
      error: {
        code: "InvalidInput",
        message:
          "A job can have at most 50 tags, and this one would have 51 (50 here and 1 inherited from the model): remove 1 tag",
        fieldErrors: { tags: expect.stringContaining("1 inherited from the model") },
      },
    });
    const fits = await start({
      ...values,
      name: "Action test with inherited tags",
      configuredAudienceModelArn: inheriting.arn,
      tags: tags(49),
    });
    expect(fits.ok).toBe(true);
  });

  it.each(["drop", "error"] as const)(
    "starts one job when the first answer is lost (%s) and the start is retried",
    async (as) => {
      const name = `Lost answer ${as}`;
      await emulator.call("DELETE", "/_emulator/calls");
      await emulator.call("PUT", "/_emulator/lost-answers", {
        operation: "StartAudienceGenerationJob",
        as,
      });
      const result = await start({ ...values, name });
      expect(result.ok).toBe(true);
      if (!result.ok) return;
      const listed = (
        await emulator.call(
          "GET",
          `/audience-generation-job?maxResults=100&configuredAudienceModelArn=${encodeURIComponent(values.configuredAudienceModelArn)}`,
        )
      ).json.audienceGenerationJobs as { name: string; audienceGenerationJobArn: string }[];
      const named = listed.filter((job) => job.name === name);
      // The lost attempt's job, found and answered with, not a second one.
      expect(named.map((job) => job.audienceGenerationJobArn)).toEqual([
        result.data.audienceGenerationJobArn,
      ]);
      const { calls } = (await emulator.call("GET", "/_emulator/calls")).json as {
        calls: Record<string, number>;
      };
      expect(calls.StartAudienceGenerationJob).toBe(1);
    },
  );

  it("keeps trying through the back-off while throttled, and reports throttling only after that", async () => {
    const [throttled, service] = await actionAgainst({ throttleRate: 1 });
    // The process's back-off on a clock of its own: its waits pass at once, its spacing is counted.
    let clock = 0;
    const backoffKey = Symbol.for("cleanrooms-ml-dashboard.backoff");
    (globalThis as Record<symbol, unknown>)[backoffKey] = new OperationBackoff({
      now: () => clock,
      sleep: async (ms) => {
        clock += ms;
      },
    });
    try {
      await service.call("DELETE", "/_emulator/calls");
      const result = await throttled(values);
      expect(result).toMatchObject({
        ok: false,
        error: { code: "ThrottlingException", hint: expect.stringContaining("Wait") },
      });
      // One layer of retries, the client's: its attempts, spaced by the shared back-off (seconds
      // apart, so the person's start keeps being asked for half a minute); nothing retries on top.
      const { calls } = (await service.call("GET", "/_emulator/calls")).json as {
        calls: Record<string, number>;
      };
      expect(calls.StartAudienceGenerationJob).toBe(SERVICE_MAX_ATTEMPTS);
      expect(clock).toBeGreaterThanOrEqual(20_000);
    } finally {
      delete (globalThis as Record<symbol, unknown>)[backoffKey];
    }
  }, 60_000);
});
