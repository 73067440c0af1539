/**
 * Property-based tests of every server action against a real local service:
 * thousands of random, hostile and nearly valid inputs. Whatever comes in, an
 * action never throws, answers a typed error (InvalidInput for anything its
 * schema refuses), and sends the service only requests that pass the API's
 * own schemas. Nothing reaches Object.prototype.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { z } from "zod";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "@/emulator/demo/catalog";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import type { ActionResult } from "@/lib/action-result";
import {
  audienceGenerationJobArnSchema,
  startAudienceExportJobRequestSchema,
  startAudienceGenerationJobRequestSchema,
  tagResourceRequestSchema,
  untagResourceRequestSchema,
} from "@/lib/schemas/api";
import {
  emptyStartJobForm,
  startJobFormSchema,
  type StartJobFormValues,
} from "@/lib/schemas/start-job-form";
import { recordClientAgainst, type SentCommand } from "@/test/local-service";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

/** Every request the actions sent, with the API schema it must pass. */
const sent: SentCommand[] = [];
const REQUEST_SCHEMAS: Record<string, z.ZodType> = {
  StartAudienceGenerationJob: startAudienceGenerationJobRequestSchema,
  StartAudienceExportJob: startAudienceExportJobRequestSchema,
  TagResource: tagResourceRequestSchema,
  UntagResource: untagResourceRequestSchema,
  DeleteAudienceGenerationJob: z.strictObject({
    audienceGenerationJobArn: audienceGenerationJobArnSchema,
  }),
};

let emulator: TestEmulator;
let actions: Record<string, Action>;
let taggedJobArn: string;

beforeAll(async () => {
  // One audit line per change would drown the report.
  vi.spyOn(console, "info").mockImplementation(() => {});
  emulator = await startTestEmulator();
  await recordClientAgainst(emulator.url, sent, { DASHBOARD_BIND_HOST: "127.0.0.1" });
  actions = {
    startAudienceGenerationJob: (await import("./start-audience-generation-job"))
      .startAudienceGenerationJob,
    startAudienceExportJob: (await import("./start-audience-export-job")).startAudienceExportJob,
    tagResource: (await import("./tag-resource")).tagResource,
    untagResource: (await import("./untag-resource")).untagResource,
    deleteAudienceGenerationJob: (await import("./delete-audience-generation-job"))
      .deleteAudienceGenerationJob,
  };
  const started = await actions.startAudienceGenerationJob!({
    ...validStart,
    name: "Fuzz tag target",
  });
  if (!started.ok) throw new Error(`could not start the tag target: ${JSON.stringify(started)}`);
  taggedJobArn = (started.data as { audienceGenerationJobArn: string }).audienceGenerationJobArn;
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await emulator?.close();
});

// ---------------------------------------------------------------------------
// Inputs

/** A start that the service fails at once (a 10-user seed), so valid runs stay cheap. */
const validStart: StartJobFormValues = {
  ...emptyStartJobForm,
  name: "Fuzz",
  configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
  s3Uri: DEMO_SEED_URIS.tooSmall,
  roleArn: DEMO_SEED_ROLE_ARN,
};
const missingJobArn =
  "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/00000000-0000-4000-8000-000000000000";

/** Anything React's action protocol can carry, and more: Maps, Sets, Dates, BigInts, typed and sparse arrays, null prototypes. */
const anyValue = fc.anything({
  maxDepth: 3,
  withBigInt: true,
  withBoxedValues: true,
  withDate: true,
  withMap: true,
  withSet: true,
  withNullPrototype: true,
  withObjectString: true,
  withSparseArray: true,
  withTypedArray: true,
  withUnicodeString: true,
});

/** Strings past every limit (a query may hold 500,000 characters), and markup. */
const hugeString = fc.oneof(
  fc.integer({ min: 64, max: 600_000 }).map((n) => "a".repeat(n)),
  fc.integer({ min: 1, max: 20_000 }).map((n) => "<script>alert(1)</script>".repeat(n)),
  fc.integer({ min: 1, max: 5_000 }).map((n) => "\u{1F600}".repeat(n)),
  fc.constantFrom("\u0000", "\r\n", "\uD800", "aws:x", "dashboard:started-by", " ", ""),
);

/** Objects whose own keys try to reach prototypes. */
const pollution = fc.constantFrom(
  JSON.parse('{"__proto__": {"polluted": "yes"}}') as unknown,
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}') as unknown,
  JSON.parse('{"prototype": {"polluted": "yes"}}') as unknown,
);

const hostile = fc.oneof(anyValue, hugeString, pollution, fc.array(anyValue, { maxLength: 5 }));

/** The valid request itself, or with one part replaced, removed, or one key added (possibly one of the pollution keys). */
function nearlyValid(base: Record<string, unknown>): fc.Arbitrary<unknown> {
  const keys = Object.keys(base);
  const value = fc.oneof(hostile, fc.constantFrom(...Object.values(base)));
  return fc.oneof(
    fc.constant(base),
    fc
      .record({ key: fc.constantFrom(...keys), value })
      .map(({ key, value }) => ({ ...base, [key]: value })),
    fc
      .constantFrom(...keys)
      .map((key) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key))),
    fc
      .record({
        key: fc.oneof(
          fc.string(),
          fc.constantFrom("__proto__", "constructor", "admin", "prototype"),
        ),
        value,
      })
      .map(({ key, value }) => {
        const copy: Record<string, unknown> = { ...base };
        Object.defineProperty(copy, key, {
          value,
          enumerable: true,
          configurable: true,
          writable: true,
        });
        return copy;
      }),
  );
}

/** Tag maps: ordinary, hostile keys and values, too many, our own namespace, `__proto__`. */
const tagMap = fc.oneof(
  fc.dictionary(fc.string({ maxLength: 140 }), fc.string({ maxLength: 270 }), { maxKeys: 55 }),
  fc.dictionary(
    fc.oneof(
      hugeString,
      fc.constantFrom("aws:owner", "AWS:x", "dashboard:exported-by", "constructor"),
    ),
    fc.oneof(hugeString, fc.string()),
    { maxKeys: 3 },
  ),
  pollution,
);

const rows = fc.array(
  fc.record({
    key: fc.oneof(fc.string({ maxLength: 130 }), hugeString),
    value: fc.oneof(fc.string({ maxLength: 300 }), anyValue),
  }),
  { maxLength: 55 },
);

const INPUTS: Record<string, { schema: z.ZodType; arbitrary: fc.Arbitrary<unknown> }> = {
  startAudienceGenerationJob: {
    schema: startJobFormSchema,
    arbitrary: fc.oneof(
      hostile,
      nearlyValid(validStart),
      fc
        .record({ tags: rows, parameters: rows, sparkProperties: rows })
        .map((r) => ({ ...validStart, ...r })),
      fc
        .record({
          seedSource: fc.constantFrom("S3", "SQL_QUERY", "ANALYSIS_TEMPLATE", "FTP"),
          queryString: fc.oneof(fc.string(), hugeString),
          workerCount: fc.oneof(fc.string({ maxLength: 6 }), fc.integer().map(String)),
          workerType: fc.constantFrom("", "CR.1X", "CR.64X"),
        })
        .map((r) => ({ ...validStart, ...r })),
    ),
  },
  startAudienceExportJob: {
    schema: startAudienceExportJobRequestSchema,
    arbitrary: fc.oneof(
      hostile,
      nearlyValid({
        name: "Fuzz export",
        audienceGenerationJobArn: DEMO_JOB_ARNS.sportsFans,
        audienceSize: { type: "ABSOLUTE", value: 5000 },
        description: "d",
      }),
      fc
        .record({
          type: fc.oneof(fc.constantFrom("ABSOLUTE", "PERCENTAGE"), anyValue),
          value: fc.oneof(fc.double(), fc.integer(), anyValue),
        })
        .map((audienceSize) => ({
          name: "Fuzz export",
          audienceGenerationJobArn: missingJobArn,
          audienceSize,
        })),
    ),
  },
  tagResource: {
    schema: tagResourceRequestSchema,
    arbitrary: fc.oneof(
      hostile,
      fc
        .constant(null)
        .chain(() => nearlyValid({ resourceArn: taggableArn(), tags: { team: "growth" } })),
      tagMap.map((tags) => ({ resourceArn: taggableArn(), tags })),
    ),
  },
  untagResource: {
    schema: untagResourceRequestSchema,
    arbitrary: fc.oneof(
      hostile,
      fc.constant(null).chain(() => nearlyValid({ resourceArn: taggableArn(), tagKeys: ["team"] })),
      fc
        .array(fc.oneof(fc.string({ maxLength: 140 }), hugeString, anyValue), { maxLength: 210 })
        .map((tagKeys) => ({ resourceArn: taggableArn(), tagKeys })),
    ),
  },
  deleteAudienceGenerationJob: {
    schema: z.strictObject({ audienceGenerationJobArn: audienceGenerationJobArnSchema }),
    arbitrary: fc.oneof(
      hostile,
      nearlyValid({ audienceGenerationJobArn: missingJobArn }),
      fc
        .oneof(fc.string(), hugeString)
        .map((suffix) => ({ audienceGenerationJobArn: `${missingJobArn.slice(0, -36)}${suffix}` })),
    ),
  },
};

/** The job the tag actions work on (known once beforeAll has run). */
const taggableArn = () => taggedJobArn;

/** What a result may look like: ok with data, or a typed error with text. */
function expectWellFormed(result: ActionResult<unknown>) {
  expect(typeof result.ok).toBe("boolean");
  if (!result.ok) {
    expect(typeof result.error.code).toBe("string");
    expect(typeof result.error.message).toBe("string");
    expect(result.error.code).not.toBe("Error");
    expect(result.error.code).not.toBe("TypeError");
  }
}

// ---------------------------------------------------------------------------

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000);

describe.each(Object.keys(INPUTS))("%s, given random and hostile input", (name) => {
  it(`never throws, refuses what its schema refuses, and sends the service only valid requests (${RUNS} runs)`, async () => {
    const action = actions[name]!;
    const { schema, arbitrary } = INPUTS[name]!;
    let reachedService = 0;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (input) => {
        sent.length = 0;
        let result: ActionResult<unknown>;
        try {
          result = await action(input);
        } catch (thrown) {
          throw new Error(`the action threw: ${String(thrown)}`);
        }
        expectWellFormed(result);
        if (!schema.safeParse(input).success) {
          expect(result).toMatchObject({ ok: false, error: { code: "InvalidInput" } });
          expect(sent).toEqual([]);
        }
        if (sent.length > 0) reachedService++;
        for (const request of sent) {
          const check = REQUEST_SCHEMAS[request.operation]!.safeParse(request.input);
          expect(
            check.success,
            `${request.operation} ${JSON.stringify(request.input)?.slice(0, 300)}`,
          ).toBe(true);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // Not only refusals: a fair share of the inputs were valid and went all the way to the service.
    expect(reachedService).toBeGreaterThan(RUNS * 0.03);
  }, 120_000);
});
