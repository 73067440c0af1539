/**
 * The JSON read routes (app/api/*), like the actions in fuzz.test.ts: random
 * and hostile query strings against a real local service. Whatever comes in,
 * a route answers JSON with a status below 500, a typed error when it is not
 * 200, and sends the service only requests that pass the API's schemas.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import { DEMO_CONFIGURED_MODELS, DEMO_JOB_ARNS } from "@/emulator/demo/catalog";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import {
  audienceGenerationJobArnSchema,
  audienceModelArnSchema,
  configuredAudienceModelArnSchema,
  listAudienceExportJobsRequestSchema,
  listAudienceGenerationJobsRequestSchema,
  listPageRequestSchema,
  taggableArnSchema,
} from "@/lib/schemas/api";
import { recordClientAgainst, type SentCommand } from "@/test/local-service";

type Route = (request: Request) => Promise<Response>;

const sent: SentCommand[] = [];
const REQUEST_SCHEMAS: Record<string, z.ZodType> = {
  ListAudienceGenerationJobs: listAudienceGenerationJobsRequestSchema,
  GetAudienceGenerationJob: z.strictObject({
    audienceGenerationJobArn: audienceGenerationJobArnSchema,
  }),
  ListAudienceExportJobs: listAudienceExportJobsRequestSchema,
  ListConfiguredAudienceModels: listPageRequestSchema,
  GetConfiguredAudienceModel: z.strictObject({
    configuredAudienceModelArn: configuredAudienceModelArnSchema,
  }),
  // The owner's view of a model reads its resource policy too (docs/ARCHITECTURE.md, "Two accounts").
  GetConfiguredAudienceModelPolicy: z.strictObject({
    configuredAudienceModelArn: configuredAudienceModelArnSchema,
  }),
  // Our own model's age and training window (docs/ARCHITECTURE.md, "Two accounts").
  GetAudienceModel: z.strictObject({ audienceModelArn: audienceModelArnSchema }),
  // The jobs list's tag filters read the loaded jobs' tags.
  ListTagsForResource: z.strictObject({ resourceArn: taggableArnSchema }),
};

let emulator: TestEmulator;
let routes: Record<string, Route>;

beforeAll(async () => {
  emulator = await startTestEmulator();
  await recordClientAgainst(emulator.url, sent, { DASHBOARD_BIND_HOST: "127.0.0.1" });
  routes = {
    "/api/jobs": (await import("@/app/api/jobs/route")).GET,
    "/api/jobs/tags": (await import("@/app/api/jobs/tags/route")).GET,
    "/api/job": (await import("@/app/api/job/route")).GET,
    "/api/exports": (await import("@/app/api/exports/route")).GET,
    "/api/models": (await import("@/app/api/models/route")).GET,
    "/api/model": (await import("@/app/api/model/route")).GET,
    "/api/model-associations": (await import("@/app/api/model-associations/route")).GET,
  };
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await emulator?.close();
});

const KEYS = [
  "nextToken",
  "maxResults",
  "configuredAudienceModelArn",
  "collaborationId",
  "arn",
  "jobArn",
  "arns",
  "__proto__",
  "constructor",
];
const VALUES = fc.oneof(
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.integer({ min: 64, max: 20_000 }).map((n) => "a".repeat(n)),
  fc.constantFrom(
    DEMO_JOB_ARNS.sportsFans,
    `${DEMO_JOB_ARNS.sportsFans},${DEMO_JOB_ARNS.sportsFans.replace(/[^/]+$/, "0")},,`,
    DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
    "5f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5",
    "100",
    "0",
    "-1",
    "1e3",
    "NaN",
    "eyJub3QiOiJhIHRva2VuIn0=",
    "<script>alert(1)</script>",
  ),
  fc.integer().map(String),
);
const query = fc.array(
  fc.tuple(fc.oneof(fc.constantFrom(...KEYS), fc.string({ maxLength: 20 })), VALUES),
  {
    maxLength: 5,
  },
);

describe.each([
  "/api/jobs",
  "/api/jobs/tags",
  "/api/job",
  "/api/exports",
  "/api/models",
  "/api/model",
  "/api/model-associations",
])("GET %s, given random and hostile queries", (path) => {
  it("answers JSON below 500, a typed error when not 200, and sends only valid requests (600 runs)", async () => {
    const route = routes[path]!;
    await fc.assert(
      fc.asyncProperty(query, async (pairs) => {
        sent.length = 0;
        const response = await route(
          new Request(`http://127.0.0.1${path}?${new URLSearchParams(pairs)}`),
        );
        expect(response.status).toBeLessThan(500);
        const body = (await response.json()) as { error?: { code?: unknown; message?: unknown } };
        if (response.status !== 200) {
          expect(typeof body.error?.code).toBe("string");
          expect(typeof body.error?.message).toBe("string");
        }
        for (const request of sent) {
          expect(
            REQUEST_SCHEMAS[request.operation]!.safeParse(request.input).success,
            JSON.stringify(request),
          ).toBe(true);
        }
      }),
      { numRuns: 600 },
    );
  }, 120_000);
});
