/**
 * Schedules outlive the process (SQLite), and a schedule whose firings came
 * due while the service was stopped fires once on restart, then carries on
 * from the present.
 */
import fs from "node:fs";
import {
  CreateScheduleCommand,
  GetScheduleCommand,
  SchedulerClient,
} from "@aws-sdk/client-scheduler";
import { afterAll, expect, it } from "vitest";

import { START_AUDIENCE_JOB_TARGET_ARN } from "../../lib/schedule-time/expression";
import { DEMO_CONFIGURED_MODELS, DEMO_SEED_ROLE_ARN, DEMO_SEED_URIS } from "../demo/catalog";
import { DEMO_SCHEDULER_ROLE_ARN } from "../demo/collaborations";
import { startTestEmulator, temporaryDataDir, type TestEmulator } from "../testing";

const dataDir = temporaryDataDir();
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const credentials = { accessKeyId: "x", secretAccessKey: "y" };
// Twelve hours pass in 4.32 s at this time scale.
const TIME_SCALE = 10_000;
const HOUR = 3_600_000;

interface Firing {
  scheduledTime: string;
  outcome: string;
}

async function firings(emulator: TestEmulator, arn: string): Promise<Firing[]> {
  const res = await emulator.call(
    "GET",
    `/_emulator/schedule-firings?scheduleArn=${encodeURIComponent(arn)}`,
  );
  return (res.json.firings as Firing[]).slice().reverse();
}

it("keeps schedules across a restart and fires a missed time once", async () => {
  let emulator = await startTestEmulator({ dataDir, timeScale: TIME_SCALE });
  const client = (url: string) =>
    new SchedulerClient({ region: "us-east-1", endpoint: url, credentials });
  const { ScheduleArn } = await client(emulator.url).send(
    new CreateScheduleCommand({
      Name: "twice-a-day",
      ScheduleExpression: "rate(12 hours)",
      FlexibleTimeWindow: { Mode: "OFF" },
      Target: {
        Arn: START_AUDIENCE_JOB_TARGET_ARN,
        RoleArn: DEMO_SCHEDULER_ROLE_ARN,
        Input: JSON.stringify({
          Name: "twice-a-day-<aws.scheduler.scheduled-time>",
          ConfiguredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
          SeedAudience: {
            DataSource: { S3Uri: DEMO_SEED_URIS.sportsFans },
            RoleArn: DEMO_SEED_ROLE_ARN,
          },
        }),
      },
    }),
  );
  // A rate with no StartDate fires at once.
  let seen: Firing[] = [];
  for (let i = 0; seen.length < 1; i++) {
    if (i > 200) throw new Error("the schedule did not fire at once");
    await new Promise((r) => setTimeout(r, 10));
    seen = await firings(emulator, ScheduleArn!);
  }
  const [first] = seen;
  await emulator.close();

  // Stopped for 9.5 s: the firings due 4.32 s and 8.64 s after the first are missed.
  await new Promise((r) => setTimeout(r, 9_500));
  emulator = await startTestEmulator({ dataDir, timeScale: TIME_SCALE });
  try {
    seen = await firings(emulator, ScheduleArn!);
    // One firing for both, for the earliest; 24 h is skipped and the schedule carries on
    // from the present (its next firing may already have come when this reads).
    const after = seen.map((f) => Date.parse(f.scheduledTime) - Date.parse(first!.scheduledTime));
    expect(after.slice(0, 2)).toEqual([0, 12 * HOUR]);
    expect(after).not.toContain(24 * HOUR);
    expect(after.slice(2).every((t) => t >= 36 * HOUR)).toBe(true);
    expect(seen.every((f) => f.outcome === "STARTED")).toBe(true);
    const schedule = await client(emulator.url).send(
      new GetScheduleCommand({ Name: "twice-a-day" }),
    );
    expect(schedule.State).toBe("ENABLED");
  } finally {
    await emulator.close();
  }
}, 60_000);
