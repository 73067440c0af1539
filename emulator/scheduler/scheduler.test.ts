/**
 * EventBridge Scheduler through the official `@aws-sdk/client-scheduler`
 * against the local service (unchanged but for `endpoint`): every operation,
 * its validation, conflicts, missing resources and paging; and schedules
 * firing on the service's clock, at the tests' time scale (100), read back
 * through our Clean Rooms ML client.
 */
import {
  ConflictException,
  CreateScheduleCommand,
  CreateScheduleGroupCommand,
  DeleteScheduleCommand,
  DeleteScheduleGroupCommand,
  GetScheduleCommand,
  GetScheduleGroupCommand,
  ListSchedulesCommand,
  ListTagsForResourceCommand,
  paginateListScheduleGroups,
  paginateListSchedules,
  ResourceNotFoundException,
  SchedulerClient,
  TagResourceCommand,
  UntagResourceCommand,
  UpdateScheduleCommand,
  ValidationException,
  type CreateScheduleCommandInput,
} from "@aws-sdk/client-scheduler";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { CleanRoomsMLClient, GetAudienceGenerationJobCommand } from "../../lib/cleanrooms-ml";
import { START_AUDIENCE_JOB_TARGET_ARN } from "../../lib/schedule-time/expression";
import { SCHEDULE_TAG } from "../../lib/schemas/dashboard-tags";
import { DEMO_CONFIGURED_MODELS, DEMO_SEED_ROLE_ARN, DEMO_SEED_URIS } from "../demo/catalog";
import { DEMO_SCHEDULER_ROLE_ARN } from "../demo/collaborations";
import { DEMO_SCHEDULE, DEMO_SCHEDULE_RUN_IDS } from "../demo/schedules";
import { ACCOUNT_ID } from "../identity";
import { startTestEmulator, type TestEmulator } from "../testing";

const credentials = { accessKeyId: "x", secretAccessKey: "y" };
let emulator: TestEmulator;
let scheduler: SchedulerClient;
let cleanRoomsMl: CleanRoomsMLClient;

beforeAll(async () => {
  emulator = await startTestEmulator();
  scheduler = new SchedulerClient({ region: "us-east-1", endpoint: emulator.url, credentials });
  cleanRoomsMl = new CleanRoomsMLClient({
    region: "us-east-1",
    endpoint: emulator.url,
    credentials,
  });
});
afterAll(() => emulator.close());

async function all<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("the call succeeded");
    },
    (error: unknown) => error as Error & { $metadata: { httpStatusCode?: number } },
  );

/** The StartAudienceGenerationJob request as a universal target's Input (PascalCase members). */
function jobInput(scheduleName: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    Name: `${scheduleName}-<aws.scheduler.scheduled-time>`,
    Description: "Run <aws.scheduler.execution-id>, attempt <aws.scheduler.attempt-number>",
    ConfiguredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
    SeedAudience: { DataSource: { S3Uri: DEMO_SEED_URIS.sportsFans }, RoleArn: DEMO_SEED_ROLE_ARN },
    Tags: { [SCHEDULE_TAG]: scheduleName },
    ...extra,
  });
}

function weekly(name: string, overrides: Partial<CreateScheduleCommandInput> = {}) {
  return {
    Name: name,
    ScheduleExpression: "cron(0 9 ? * MON *)",
    ScheduleExpressionTimezone: "Europe/Paris",
    FlexibleTimeWindow: { Mode: "OFF" as const },
    Target: {
      Arn: START_AUDIENCE_JOB_TARGET_ARN,
      RoleArn: DEMO_SCHEDULER_ROLE_ARN,
      Input: jobInput(name),
    },
    ...overrides,
  } satisfies CreateScheduleCommandInput;
}

interface Firing {
  scheduleArn: string;
  scheduledTime: string;
  firedAt: string;
  executionId: string;
  attemptNumber: number;
  outcome: "STARTED" | "FAILED";
  jobArn?: string;
  error?: string;
}

async function firingsOf(
  scheduleArn: string,
  atLeast: number,
  timeoutMs = 10_000,
): Promise<Firing[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await emulator.call(
      "GET",
      `/_emulator/schedule-firings?scheduleArn=${encodeURIComponent(scheduleArn)}`,
    );
    const firings = (res.json.firings as Firing[]).slice().reverse();
    if (firings.length >= atLeast) return firings;
    if (Date.now() > deadline) {
      throw new Error(`${scheduleArn} fired ${firings.length} times, not ${atLeast}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe("schedules through @aws-sdk/client-scheduler", () => {
  it("creates, reads, replaces, lists and deletes a schedule", async () => {
    const start = new Date(Math.ceil(Date.now() / 1000) * 1000 + 3_600_000);
    const { ScheduleArn } = await scheduler.send(
      new CreateScheduleCommand(
        weekly("crud-weekly", {
          Description: "Every Monday",
          StartDate: start,
          State: "DISABLED",
        }),
      ),
    );
    expect(ScheduleArn).toBe(
      `arn:aws:scheduler:us-east-1:${ACCOUNT_ID}:schedule/default/crud-weekly`,
    );
    const got = await scheduler.send(new GetScheduleCommand({ Name: "crud-weekly" }));
    expect(got).toMatchObject({
      Arn: ScheduleArn,
      Name: "crud-weekly",
      GroupName: "default",
      Description: "Every Monday",
      ScheduleExpression: "cron(0 9 ? * MON *)",
      ScheduleExpressionTimezone: "Europe/Paris",
      State: "DISABLED",
      ActionAfterCompletion: "NONE",
      FlexibleTimeWindow: { Mode: "OFF" },
      Target: {
        Arn: START_AUDIENCE_JOB_TARGET_ARN,
        RoleArn: DEMO_SCHEDULER_ROLE_ARN,
        Input: jobInput("crud-weekly"),
        RetryPolicy: { MaximumEventAgeInSeconds: 86400, MaximumRetryAttempts: 185 },
      },
    });
    expect(got.StartDate).toEqual(start);
    expect(got.CreationDate).toBeInstanceOf(Date);

    // UpdateSchedule replaces the whole schedule: what it leaves out is gone.
    await scheduler.send(
      new UpdateScheduleCommand({
        ...weekly("crud-weekly"),
        ScheduleExpression: "rate(7 days)",
        ScheduleExpressionTimezone: undefined,
        FlexibleTimeWindow: { Mode: "FLEXIBLE", MaximumWindowInMinutes: 30 },
        State: "DISABLED",
      }),
    );
    const replaced = await scheduler.send(new GetScheduleCommand({ Name: "crud-weekly" }));
    expect(replaced.Description).toBeUndefined();
    expect(replaced.StartDate).toBeUndefined();
    expect(replaced.ScheduleExpression).toBe("rate(7 days)");
    expect(replaced.ScheduleExpressionTimezone).toBe("UTC");
    expect(replaced.FlexibleTimeWindow).toEqual({ Mode: "FLEXIBLE", MaximumWindowInMinutes: 30 });
    expect(replaced.CreationDate).toEqual(got.CreationDate);

    const listed = await scheduler.send(new ListSchedulesCommand({ NamePrefix: "crud-" }));
    expect(listed.Schedules).toEqual([
      expect.objectContaining({
        Arn: ScheduleArn,
        Name: "crud-weekly",
        GroupName: "default",
        State: "DISABLED",
        Target: { Arn: START_AUDIENCE_JOB_TARGET_ARN },
      }),
    ]);

    await scheduler.send(new DeleteScheduleCommand({ Name: "crud-weekly" }));
    const gone = await failure(scheduler.send(new GetScheduleCommand({ Name: "crud-weekly" })));
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
    expect(gone.message).toBe("Schedule crud-weekly does not exist.");
    expect(gone.$metadata.httpStatusCode).toBe(404);
  });

  it("refuses bad input with a 400 naming the field and what to fix", async () => {
    const cases: [Partial<CreateScheduleCommandInput>, RegExp][] = [
      [
        { ScheduleExpression: "cron(0 9 * * MON *)" },
        /ScheduleExpression: .*one of them must be \?/,
      ],
      [{ ScheduleExpression: "rate(1 minutes)" }, /rate\(1 minute\)/],
      [{ ScheduleExpression: "cron(0 25 * * ? *)" }, /Hours field "25": 25 is out of range/],
      [
        { ScheduleExpressionTimezone: "Mars/Olympus" },
        /ScheduleExpressionTimezone: .*IANA time zone/,
      ],
      [{ Name: "has spaces" }, /Name: Name may hold only letters, digits/],
      [{ FlexibleTimeWindow: { Mode: "FLEXIBLE" } }, /MaximumWindowInMinutes is required/],
      [
        { StartDate: new Date(Date.now() + 7_200_000), EndDate: new Date(Date.now() + 3_600_000) },
        /EndDate: EndDate must be after StartDate/,
      ],
      [{ StartDate: new Date(Date.now() - 3_600_000) }, /cannot be earlier than 5 minutes/],
      [
        { Target: { Arn: START_AUDIENCE_JOB_TARGET_ARN, RoleArn: "not-a-role" } },
        /Target.RoleArn: RoleArn must be an IAM role ARN/,
      ],
    ];
    for (const [overrides, message] of cases) {
      const error = await failure(
        scheduler.send(new CreateScheduleCommand(weekly("bad-input", overrides))),
      );
      expect(error, String(message)).toBeInstanceOf(ValidationException);
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.message).toMatch(message);
    }
    const missing = await failure(scheduler.send(new GetScheduleCommand({ Name: "bad-input" })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it("answers a second schedule of the same name with ConflictException, a retry with the same token with the same ARN", async () => {
    const first = await scheduler.send(
      new CreateScheduleCommand({ ...weekly("twice"), State: "DISABLED", ClientToken: "token-1" }),
    );
    const retry = await scheduler.send(
      new CreateScheduleCommand({ ...weekly("twice"), State: "DISABLED", ClientToken: "token-1" }),
    );
    expect(retry.ScheduleArn).toBe(first.ScheduleArn);
    const error = await failure(
      scheduler.send(new CreateScheduleCommand({ ...weekly("twice"), ClientToken: "token-2" })),
    );
    expect(error).toBeInstanceOf(ConflictException);
    expect(error.$metadata.httpStatusCode).toBe(409);
    expect(error.message).toBe("Schedule twice already exists.");
  });

  it("answers ResourceNotFoundException for a missing schedule or group", async () => {
    const calls = [
      () => scheduler.send(new UpdateScheduleCommand(weekly("never-created"))),
      () => scheduler.send(new DeleteScheduleCommand({ Name: "never-created" })),
      () =>
        scheduler.send(
          new CreateScheduleCommand(weekly("in-no-group", { GroupName: "no-such-group" })),
        ),
      () => scheduler.send(new ListSchedulesCommand({ GroupName: "no-such-group" })),
      () => scheduler.send(new GetScheduleGroupCommand({ Name: "no-such-group" })),
    ];
    for (const call of calls) {
      const error = await failure(call());
      expect(error).toBeInstanceOf(ResourceNotFoundException);
      expect(error.$metadata.httpStatusCode).toBe(404);
    }
  });

  it("pages through schedules with MaxResults and NextToken, filtered by prefix, group and state", async () => {
    await scheduler.send(new CreateScheduleGroupCommand({ Name: "paging" }));
    for (let i = 1; i <= 5; i++) {
      await scheduler.send(
        new CreateScheduleCommand(
          weekly(`page-${i}`, { GroupName: "paging", State: i % 2 ? "DISABLED" : "ENABLED" }),
        ),
      );
    }
    const pages = await all(
      paginateListSchedules({ client: scheduler, pageSize: 2 }, { GroupName: "paging" }),
    );
    expect(pages.map((p) => p.Schedules?.length)).toEqual([2, 2, 1]);
    expect(pages.flatMap((p) => p.Schedules ?? []).map((s) => s.Name)).toEqual([
      "page-1",
      "page-2",
      "page-3",
      "page-4",
      "page-5",
    ]);
    const enabled = await scheduler.send(
      new ListSchedulesCommand({ GroupName: "paging", State: "ENABLED" }),
    );
    expect(enabled.Schedules?.map((s) => s.Name)).toEqual(["page-2", "page-4"]);
    const bad = await failure(scheduler.send(new ListSchedulesCommand({ NextToken: "nonsense" })));
    expect(bad).toBeInstanceOf(ValidationException);
    expect(bad.message).toMatch(/NextToken/);
    const tooMany = await failure(scheduler.send(new ListSchedulesCommand({ MaxResults: 101 })));
    expect(tooMany.message).toMatch(/MaxResults must be at most 100/);
  });
});

describe("schedule groups through @aws-sdk/client-scheduler", () => {
  it("always has the default group, which cannot be created or deleted", async () => {
    const group = await scheduler.send(new GetScheduleGroupCommand({ Name: "default" }));
    expect(group).toMatchObject({
      Name: "default",
      State: "ACTIVE",
      Arn: `arn:aws:scheduler:us-east-1:${ACCOUNT_ID}:schedule-group/default`,
    });
    expect(
      await failure(scheduler.send(new CreateScheduleGroupCommand({ Name: "default" }))),
    ).toBeInstanceOf(ConflictException);
    const error = await failure(
      scheduler.send(new DeleteScheduleGroupCommand({ Name: "default" })),
    );
    expect(error).toBeInstanceOf(ValidationException);
  });

  it("pages through groups, default first, and deletes a group with its schedules", async () => {
    for (const name of ["team-a", "team-b", "team-c"]) {
      await scheduler.send(new CreateScheduleGroupCommand({ Name: name }));
    }
    await scheduler.send(new CreateScheduleCommand(weekly("in-team-a", { GroupName: "team-a" })));
    const pages = await all(paginateListScheduleGroups({ client: scheduler, pageSize: 2 }, {}));
    const names = pages.flatMap((p) => p.ScheduleGroups ?? []).map((g) => g.Name);
    expect(names[0]).toBe("default");
    expect(names).toEqual(expect.arrayContaining(["team-a", "team-b", "team-c"]));
    expect(pages.every((p) => (p.ScheduleGroups?.length ?? 0) <= 2)).toBe(true);
    const prefixed = await all(
      paginateListScheduleGroups({ client: scheduler }, { NamePrefix: "team-" }),
    );
    expect(prefixed.flatMap((p) => p.ScheduleGroups ?? []).map((g) => g.Name)).toEqual([
      "team-a",
      "team-b",
      "team-c",
    ]);

    await scheduler.send(new DeleteScheduleGroupCommand({ Name: "team-a" }));
    expect(
      await failure(
        scheduler.send(new GetScheduleCommand({ Name: "in-team-a", GroupName: "team-a" })),
      ),
    ).toBeInstanceOf(ResourceNotFoundException);
  });

  it("tags groups, and only groups", async () => {
    const { ScheduleGroupArn } = await scheduler.send(
      new CreateScheduleGroupCommand({ Name: "tagged", Tags: [{ Key: "team", Value: "growth" }] }),
    );
    await scheduler.send(
      new TagResourceCommand({
        ResourceArn: ScheduleGroupArn,
        Tags: [
          { Key: "cost-center", Value: "42" },
          { Key: "team", Value: "retail" },
        ],
      }),
    );
    await scheduler.send(
      new UntagResourceCommand({ ResourceArn: ScheduleGroupArn, TagKeys: ["cost-center"] }),
    );
    const { Tags } = await scheduler.send(
      new ListTagsForResourceCommand({ ResourceArn: ScheduleGroupArn }),
    );
    expect(Tags).toEqual([{ Key: "team", Value: "retail" }]);

    const reserved = await failure(
      scheduler.send(
        new TagResourceCommand({
          ResourceArn: ScheduleGroupArn,
          Tags: [{ Key: "aws:x", Value: "1" }],
        }),
      ),
    );
    expect(reserved.message).toMatch(/reserved for AWS/);
    const onSchedule = await failure(
      scheduler.send(
        new ListTagsForResourceCommand({
          ResourceArn: `arn:aws:scheduler:us-east-1:${ACCOUNT_ID}:schedule/default/twice`,
        }),
      ),
    );
    expect(onSchedule).toBeInstanceOf(ValidationException);
    const missing = await failure(
      scheduler.send(
        new ListTagsForResourceCommand({
          ResourceArn: `arn:aws:scheduler:us-east-1:${ACCOUNT_ID}:schedule-group/nope`,
        }),
      ),
    );
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe("firing on the service's clock (time scale 100)", () => {
  it("starts a job per firing, as the schedule's account, with the context attributes filled in", async () => {
    const name = "every-five-minutes";
    const { ScheduleArn } = await scheduler.send(
      new CreateScheduleCommand(weekly(name, { ScheduleExpression: "rate(5 minutes)" })),
    );
    const firings = await firingsOf(ScheduleArn!, 2);
    await scheduler.send(
      new UpdateScheduleCommand(
        weekly(name, { ScheduleExpression: "rate(5 minutes)", State: "DISABLED" }),
      ),
    );
    const [first, second] = firings as [Firing, Firing];
    expect(first.outcome).toBe("STARTED");
    expect(second.outcome).toBe("STARTED");
    // Five minutes apart on the schedule's clock, 3 s apart on the wall's.
    expect(Date.parse(second.scheduledTime) - Date.parse(first.scheduledTime)).toBe(300_000);
    expect(first.scheduledTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);

    const job = await cleanRoomsMl.send(
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: first.jobArn! }),
    );
    expect(job.name).toBe(`${name}-${first.scheduledTime}`);
    expect(job.description).toBe(`Run ${first.executionId}, attempt 1`);
    expect(job.startedBy).toBe(ACCOUNT_ID);
    expect(job.configuredAudienceModelArn).toBe(DEMO_CONFIGURED_MODELS.retailAbsolute.arn);
    expect(job.seedAudience?.dataSource?.s3Uri).toBe(DEMO_SEED_URIS.sportsFans);
    expect(job.tags?.[SCHEDULE_TAG]).toBe(name);
  });

  it("starts nothing with a role that does not trust EventBridge Scheduler or may not start jobs", async () => {
    const cases: [string, string, RegExp][] = [
      [
        "untrusted-role",
        `arn:aws:iam::${ACCOUNT_ID}:role/DataPipelineLambda`,
        /does not let scheduler\.amazonaws\.com assume it/,
      ],
      [
        "unpermitted-role",
        `arn:aws:iam::${ACCOUNT_ID}:role/SchedulerNotifications`,
        /is not authorized to perform: cleanrooms-ml:StartAudienceGenerationJob/,
      ],
      ["missing-role", `arn:aws:iam::${ACCOUNT_ID}:role/NoSuchRole`, /no such role/],
    ];
    for (const [name, roleArn, message] of cases) {
      const { ScheduleArn } = await scheduler.send(
        new CreateScheduleCommand(
          weekly(name, {
            ScheduleExpression: "rate(1 minute)",
            Target: { Arn: START_AUDIENCE_JOB_TARGET_ARN, RoleArn: roleArn, Input: jobInput(name) },
          }),
        ),
      );
      const [firing] = await firingsOf(ScheduleArn!, 1);
      await scheduler.send(new DeleteScheduleCommand({ Name: name }));
      expect(firing?.outcome).toBe("FAILED");
      expect(firing?.jobArn).toBeUndefined();
      expect(firing?.error).toMatch(message);
    }
  });

  it("starts nothing with a bad Input, and says why", async () => {
    const cases: [string, string, RegExp][] = [
      ["not-json", "{ nope", /Input is not JSON/],
      [
        "camel-case",
        JSON.stringify({
          name: "x",
          configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
        }),
        /Input: name is not a member .* PascalCase \(Name\)/,
      ],
      [
        "no-seed",
        JSON.stringify({
          Name: "no seed",
          ConfiguredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
        }),
        /^ValidationException: seedAudience/,
      ],
    ];
    for (const [name, input, message] of cases) {
      const { ScheduleArn } = await scheduler.send(
        new CreateScheduleCommand(
          weekly(name, {
            ScheduleExpression: "rate(1 minute)",
            Target: {
              Arn: START_AUDIENCE_JOB_TARGET_ARN,
              RoleArn: DEMO_SCHEDULER_ROLE_ARN,
              Input: input,
            },
          }),
        ),
      );
      const [firing] = await firingsOf(ScheduleArn!, 1);
      await scheduler.send(new DeleteScheduleCommand({ Name: name }));
      expect(firing?.outcome).toBe("FAILED");
      expect(firing?.error).toMatch(message);
    }
  });

  it("fires a one-time schedule once and deletes it after, with ActionAfterCompletion DELETE", async () => {
    // 200 s ahead on the schedule's clock: 2 s at time scale 100 (room for a slow machine to create it first).
    const at = new Date(Math.ceil((Date.now() + 200_000) / 1000) * 1000).toISOString().slice(0, 19);
    const { ScheduleArn } = await scheduler.send(
      new CreateScheduleCommand(
        weekly("one-time", {
          ScheduleExpression: `at(${at})`,
          ScheduleExpressionTimezone: "UTC",
          ActionAfterCompletion: "DELETE",
        }),
      ),
    );
    const [firing] = await firingsOf(ScheduleArn!, 1);
    expect(firing).toMatchObject({ outcome: "STARTED", scheduledTime: `${at}Z` });
    const gone = await failure(scheduler.send(new GetScheduleCommand({ Name: "one-time" })));
    expect(gone).toBeInstanceOf(ResourceNotFoundException);
  });
});

describe("the demo schedule", () => {
  it("is a weekly schedule whose past runs are finished jobs with drifting scores, the last clearly lower", async () => {
    const got = await scheduler.send(new GetScheduleCommand({ Name: DEMO_SCHEDULE.name }));
    expect(got).toMatchObject({
      ScheduleExpression: "cron(0 9 ? * MON *)",
      ScheduleExpressionTimezone: "America/New_York",
      State: "ENABLED",
      Target: { Arn: START_AUDIENCE_JOB_TARGET_ARN, RoleArn: DEMO_SCHEDULER_ROLE_ARN },
    });
    const firings = (
      (
        await emulator.call(
          "GET",
          `/_emulator/schedule-firings?scheduleArn=${encodeURIComponent(DEMO_SCHEDULE.arn)}`,
        )
      ).json.firings as Firing[]
    ).reverse();
    expect(firings).toHaveLength(DEMO_SCHEDULE_RUN_IDS.length);
    const scores: number[] = [];
    for (const firing of firings) {
      const job = await cleanRoomsMl.send(
        new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: firing.jobArn! }),
      );
      expect(job.status).toBe("ACTIVE");
      expect(job.name).toBe(`${DEMO_SCHEDULE.jobBaseName}-${firing.scheduledTime}`);
      expect(job.tags?.[SCHEDULE_TAG]).toBe(DEMO_SCHEDULE.name);
      // Mondays at 09:00 in New York.
      const local = new Intl.DateTimeFormat("en-US", {
        timeZone: "America/New_York",
        weekday: "short",
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(new Date(firing.scheduledTime));
      expect(local).toBe("Mon 09:00");
      scores.push(job.metrics?.relevanceMetrics?.[0]?.score ?? Number.NaN);
    }
    const previous = scores.slice(0, -1);
    const last = scores.at(-1)!;
    expect(Math.min(...previous) - last).toBeGreaterThan(1);
    expect(new Set(scores).size).toBe(scores.length);
  });
});
