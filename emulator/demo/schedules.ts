/**
 * The demo's EventBridge Scheduler schedule: every Monday at 09:00 in New
 * York it starts a "Retail lookalikes" job from the sports fans seed, as the
 * dashboard writes such a schedule (the request as a universal target's
 * Input, the run's name made unique with the scheduled time, the schedule's
 * tag). Its past runs are finished demo jobs whose seed drifted week by week
 * (fans left, other customers came), so their relevance falls, the last one
 * clearly: the schedule's history has something to show.
 */
import {
  nextFireTimes,
  SCHEDULED_TIME_ATTRIBUTE,
  START_AUDIENCE_JOB_TARGET_ARN,
} from "../../lib/schedule-time/expression";
import { SCHEDULE_TAG } from "../../lib/schemas/dashboard-tags";
import { ACCOUNT_ID, REGION } from "../identity";
import type { SeedSpec } from "../lookalike/seed";
import {
  DEMO_COLLABORATION_ID,
  DEMO_CONFIGURED_MODELS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "./catalog";
import { DEMO_SCHEDULER_ROLE_ARN } from "./collaborations";

const HOUR = 3_600_000;

export const DEMO_SCHEDULE = {
  name: "weekly-sports-fans",
  group: "default",
  arn: `arn:aws:scheduler:${REGION}:${ACCOUNT_ID}:schedule/default/weekly-sports-fans`,
  description: "Fresh sports fans lookalikes for the Monday campaign.",
  expression: "cron(0 9 ? * MON *)",
  timezone: "America/New_York",
  /** Each run is named `<jobBaseName>-<scheduled time>`. */
  jobBaseName: "Weekly sports fans",
  model: DEMO_CONFIGURED_MODELS.retailAbsolute,
  roleArn: DEMO_SCHEDULER_ROLE_ARN,
} as const;

/** The target's Input: the StartAudienceGenerationJob request, members in PascalCase. */
export const DEMO_SCHEDULE_INPUT = JSON.stringify({
  Name: `${DEMO_SCHEDULE.jobBaseName}-${SCHEDULED_TIME_ATTRIBUTE}`,
  ConfiguredAudienceModelArn: DEMO_SCHEDULE.model.arn,
  SeedAudience: {
    DataSource: { S3Uri: DEMO_SEED_URIS.sportsFans },
    RoleArn: DEMO_SEED_ROLE_ARN,
  },
  IncludeSeedInOutput: false,
  CollaborationId: DEMO_COLLABORATION_ID,
  Tags: { [SCHEDULE_TAG]: DEMO_SCHEDULE.name },
});

export const DEMO_SCHEDULE_TARGET = {
  Arn: START_AUDIENCE_JOB_TARGET_ARN,
  RoleArn: DEMO_SCHEDULE.roleArn,
  Input: DEMO_SCHEDULE_INPUT,
};

/** Job IDs of the past runs, oldest first. */
export const DEMO_SCHEDULE_RUN_IDS = [
  "0a9b8c7d-6e5f-4a3b-9c2d-1e0f9a8b7c61",
  "1b0c9d8e-7f6a-4b4c-8d3e-2f1a0b9c8d72",
  "2c1d0e9f-8a7b-4c5d-9e4f-3a2b1c0d9e83",
  "3d2e1f0a-9b8c-4d6e-8f5a-4b3c2d1e0f94",
  "4e3f2a1b-0c9d-4e7f-9a6b-5c4d3e2f1a05",
] as const;

/**
 * Other customers in each run's seed, by run: the fans' share falls from
 * all of it to under half, and the score with it.
 */
const OTHERS_BY_RUN = [0, 150, 350, 600, 3000];
const FANS = 1000;

/** The seed each past run really had: the fans plus the others of its week. */
export function demoRunSeed(run: number): SeedSpec {
  const others = OTHERS_BY_RUN[run] ?? 0;
  const fans = `SELECT user_id FROM (SELECT user_id FROM customers WHERE segment = 'sports' AND user_id LIKE 'u%' ORDER BY user_id LIMIT ${FANS})`;
  const rest = `SELECT user_id FROM (SELECT user_id FROM customers WHERE segment <> 'sports' AND user_id LIKE 'u%' ORDER BY user_id DESC LIMIT ${others})`;
  return {
    kind: "sql",
    queryString: others > 0 ? `${fans} UNION ALL ${rest}` : fans,
    parameters: {},
  };
}

/**
 * The scheduled times of the past runs: the last Mondays at 09:00 in New York
 * before the demo's other jobs (which are at most 72 hours old), oldest first.
 */
export function demoRunTimes(now: number): number[] {
  const before = now - 80 * HOUR;
  const times = nextFireTimes(DEMO_SCHEDULE.expression, {
    timezone: DEMO_SCHEDULE.timezone,
    after: new Date(before - 7 * 24 * HOUR * (DEMO_SCHEDULE_RUN_IDS.length + 1)),
    count: DEMO_SCHEDULE_RUN_IDS.length + 2,
  })
    .map((date) => date.getTime())
    .filter((time) => time < before);
  return times.slice(-DEMO_SCHEDULE_RUN_IDS.length);
}
