/**
 * A schedule's target Input against what a direct start sends: the start
 * action's own request, caught on the wire by a loopback server.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { apiMembersOf } from "@/emulator/scheduler/firing";
import {
  startLoopbackServer,
  type LoopbackServer,
} from "@/lib/cleanrooms-ml/testing/loopback-server";
import { SCHEDULE_TAG, STARTED_BY_TAG } from "@/lib/schemas/dashboard-tags";
import { NAME_MAX_LENGTH } from "@/lib/schemas/limits";
import {
  JOB_BASE_NAME_MAX_LENGTH,
  parseRunName,
  SCHEDULED_TIME_ATTRIBUTE,
} from "@/lib/schemas/run-name";
import { emptyStartJobForm, type StartJobFormValues } from "@/lib/schemas/start-job-form";

import { requestFromInput, targetInput } from "./target-input";

const MODEL = "arn:aws:cleanrooms-ml:us-east-1:111122223333:configured-audience-model/abc";
const JOB_ARN = "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/run-1";

const sqlJob: StartJobFormValues = {
  ...emptyStartJobForm,
  name: "ignored: the run name replaces it",
  description: 'Weekly lookalikes \u00e9t\u00e9 \u{1F600} "quoted"',
  configuredAudienceModelArn: MODEL,
  seedSource: "SQL_QUERY",
  queryString: "SELECT user_id FROM customers WHERE segment = :segment",
  parameters: [{ key: "segment", value: "sports" }],
  roleArn: "arn:aws:iam::111122223333:role/SeedReader",
  workerType: "CR.4X",
  workerCount: "4",
  sparkProperties: [{ key: "spark.executor.memory", value: "4g" }],
  includeSeedInOutput: true,
  collaborationId: "0f6b1c2e-1a2b-4c3d-8e9f-001122334455",
  // A dashboard tag from a cloned job is dropped, as by a direct start.
  tags: [
    { key: "team", value: "growth" },
    { key: "dashboard:started-by", value: "someone else" },
  ],
};

const s3Job: StartJobFormValues = {
  ...emptyStartJobForm,
  name: "x",
  configuredAudienceModelArn: MODEL,
  s3Uri: "s3://seeds/fans.csv",
  roleArn: "arn:aws:iam::111122223333:role/SeedReader",
};

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopbackServer((request) =>
    request.method === "POST" && request.rawPath === "/audience-generation-job"
      ? { status: 200, body: { audienceGenerationJobArn: JOB_ARN } }
      : {
          status: 404,
          body: { message: "not here" },
          headers: { "x-amzn-errortype": "ResourceNotFoundException" },
        },
  );
});
afterAll(() => server.close());
afterEach(() => vi.unstubAllEnvs());

/** The body the start action sends for these values, as the service receives it. */
async function directStartBody(values: StartJobFormValues): Promise<string> {
  vi.stubEnv("CLEANROOMS_ML_ENDPOINT", server.url);
  vi.stubEnv("AWS_REGION", "us-east-1");
  vi.stubEnv("DASHBOARD_BIND_HOST", "127.0.0.1");
  vi.resetModules();
  const { startAudienceGenerationJob } =
    await import("@/lib/actions/start-audience-generation-job");
  const before = server.requests.length;
  const result = await startAudienceGenerationJob(values);
  expect(result).toEqual({ ok: true, data: { audienceGenerationJobArn: JOB_ARN } });
  const starts = server.requests
    .slice(before)
    .filter((r) => r.method === "POST" && r.rawPath === "/audience-generation-job");
  expect(starts).toHaveLength(1);
  return starts[0]!.body;
}

describe("a schedule's target Input", () => {
  const dueTime = "2026-12-07T09:00:00Z";

  for (const [label, job] of [
    ["a SQL seed with every optional member", sqlJob],
    ["an S3 seed with nothing optional", s3Job],
  ] as const) {
    it(`is byte for byte a direct start's body plus the run name and the schedule tag (${label})`, async () => {
      const input = targetInput({
        job,
        baseName: "weekly-fans",
        scheduleName: "weekly-fans.schedule",
        identity: undefined,
      });
      const direct = await directStartBody({ ...job, name: `weekly-fans-${dueTime}` });
      // What the scheduler does when it fires: the attribute becomes the due time, and the
      // members are read as the API names them (the local service's own reading of an Input).
      const fired = JSON.stringify(
        apiMembersOf(JSON.parse(input.replace(SCHEDULED_TIME_ATTRIBUTE, dueTime))),
      );
      const scheduleTag = `${JSON.stringify(SCHEDULE_TAG)}:${JSON.stringify("weekly-fans.schedule")}`;
      // The schedule's tag is the last one; with no other tags it is the whole map.
      const withoutTag = fired.includes(`,${scheduleTag}}`)
        ? fired.replace(`,${scheduleTag}}`, "}")
        : fired.replace(`,"tags":{${scheduleTag}}`, "");
      expect(withoutTag).toBe(direct);
      // As a universal target writes it: members in PascalCase, map keys as they are.
      expect(input).toContain(`"Name":"weekly-fans-${SCHEDULED_TIME_ATTRIBUTE}"`);
      expect(JSON.parse(input).Tags[SCHEDULE_TAG]).toBe("weekly-fans.schedule");
    });
  }

  it("records the person who wrote the schedule as each run's starter, after the user's tags", () => {
    const request = requestFromInput(
      targetInput({ job: sqlJob, baseName: "b", scheduleName: "s", identity: "ana@example.com" }),
    );
    expect(request?.tags).toEqual({
      team: "growth",
      [STARTED_BY_TAG]: "ana@example.com",
      [SCHEDULE_TAG]: "s",
    });
    expect(Object.keys(request!.tags!)).toEqual(["team", STARTED_BY_TAG, SCHEDULE_TAG]);
  });

  it("leaves room in the 63-character job name for the 20-character due time", () => {
    expect(JOB_BASE_NAME_MAX_LENGTH).toBe(42);
    const longest = `${"b".repeat(JOB_BASE_NAME_MAX_LENGTH)}-${dueTime}`;
    expect([...longest]).toHaveLength(NAME_MAX_LENGTH);
    expect(parseRunName(longest)).toEqual({
      baseName: "b".repeat(JOB_BASE_NAME_MAX_LENGTH),
      dueTime: new Date(dueTime),
    });
    expect(parseRunName("weekly-fans")).toBeUndefined();
  });

  it("reads back only JSON of a job request", () => {
    expect(requestFromInput('{"detail":1}')).toBeUndefined();
    expect(requestFromInput("not json")).toBeUndefined();
    expect(requestFromInput(undefined)).toBeUndefined();
  });
});
