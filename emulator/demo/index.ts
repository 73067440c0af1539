/**
 * Demo data for an empty data folder: models, seed files, a seed owner's
 * database, analysis templates and a few finished jobs whose results were
 * really computed. Written once, in one transaction, after every file and
 * result is ready; a start interrupted before that simply starts over.
 */
import { createHash } from "node:crypto";
import path from "node:path";

import { formatScheduledTime } from "../../lib/schedule-time/expression";
import { SCHEDULE_TAG } from "../../lib/schemas/dashboard-tags";
import { generationOutcome, SEED_LIMITS, type SeedAudience } from "../engine";
import { ACCOUNT_ID, accountOf, arnOf, PARTNER_ACCOUNT_ID } from "../identity";
import {
  CREATE_PENDING_SECONDS,
  EXPORT_PENDING_SECONDS,
  exportSeconds,
  scaledMs,
} from "../lifecycle";
import { audienceSizeInUsers } from "../lookalike/compute";
import type { ComputePool } from "../lookalike/pool";
import { s3PathOf, type SeedPaths, type SeedSpec } from "../lookalike/seed";
import type { GenerateResult } from "../lookalike/tasks";
import { managedPolicy } from "../resource-policy";
import { planNext } from "../scheduler/firing";
import type { NewSchedule } from "../scheduler/store";
import type { Store } from "../store";
import type { NewGenerationJob } from "../store/generation-jobs";
import {
  DEMO_ANALYSIS_TEMPLATES,
  DEMO_AUDIENCE_MODELS,
  DEMO_COLLABORATION_ID,
  DEMO_CONFIGURED_MODELS,
  DEMO_EXPORT_ID,
  DEMO_JOB_ARNS,
  DEMO_JOB_IDS,
  DEMO_MODEL_ASSOCIATIONS,
  DEMO_PROTECTED_QUERY_IDS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
  DEMO_TRAINING_DATASETS,
  outputRoleArnOf,
  type DemoConfiguredModel,
} from "./catalog";
import { DEMO_COLLABORATIONS } from "./collaborations";
import {
  DEMO_SCHEDULE,
  DEMO_SCHEDULE_RUN_IDS,
  DEMO_SCHEDULE_TARGET,
  demoRunSeed,
  demoRunTimes,
} from "./schedules";

/** "2": the two-account demo (the streaming models are the partner's); "1" was one account. */
export const DEMO_VERSION = "3";
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

type ConfiguredModel = DemoConfiguredModel;

interface DemoJob {
  key: keyof typeof DEMO_JOB_IDS;
  name: string;
  description: string;
  model: ConfiguredModel;
  hoursAgo: number;
  startedBy: string;
  seedAudience: SeedAudience;
  /** How the demo computes the seed when the job shows none (another member's job). */
  hiddenSeed?: SeedSpec;
  includeSeedInOutput?: boolean;
  tags?: Record<string, string>;
}

const s3Seed = (s3Uri: string): SeedAudience => ({
  dataSource: { s3Uri },
  roleArn: DEMO_SEED_ROLE_ARN,
});

const DEMO_JOBS: DemoJob[] = [
  {
    key: "sportsFans",
    name: "Sports fans lookalike",
    description: "Users like our sports newsletter subscribers.",
    model: DEMO_CONFIGURED_MODELS.retailAbsolute,
    hoursAgo: 72,
    startedBy: ACCOUNT_ID,
    seedAudience: s3Seed(DEMO_SEED_URIS.sportsFans),
    includeSeedInOutput: false,
    tags: { team: "growth" },
  },
  {
    key: "randomBaseline",
    name: "Random baseline",
    description: "A seed drawn at random: what no signal looks like.",
    model: DEMO_CONFIGURED_MODELS.retailPercentage,
    hoursAgo: 50,
    startedBy: ACCOUNT_ID,
    seedAudience: s3Seed(DEMO_SEED_URIS.randomSample),
    includeSeedInOutput: false,
  },
  {
    key: "travelSql",
    name: "Travel customers (SQL)",
    description: "Travel customers in the north and east, chosen with a SQL query.",
    model: DEMO_CONFIGURED_MODELS.retailPercentage,
    hoursAgo: 30,
    startedBy: ACCOUNT_ID,
    seedAudience: {
      roleArn: DEMO_SEED_ROLE_ARN,
      sqlParameters: {
        queryString:
          "SELECT user_id FROM customers WHERE segment = :segment AND region IN ('north', 'east')",
        parameters: { segment: "travel" },
      },
      sqlComputeConfiguration: {
        worker: {
          type: "CR.4X",
          number: 8,
          properties: { spark: { "spark.sql.shuffle.partitions": "64" } },
        },
      },
    },
    includeSeedInOutput: true,
    tags: { team: "travel" },
  },
  {
    key: "gamersTemplate",
    name: "Gamers via analysis template",
    description: "Gaming customers from the shared analysis template.",
    model: DEMO_CONFIGURED_MODELS.streamingReach,
    hoursAgo: 20,
    startedBy: ACCOUNT_ID,
    seedAudience: {
      roleArn: DEMO_SEED_ROLE_ARN,
      sqlParameters: {
        analysisTemplateArn: DEMO_ANALYSIS_TEMPLATES.customersBySegment.arn,
        parameters: { segment: "gaming" },
      },
    },
  },
  {
    key: "tooSmall",
    name: "Tiny seed",
    description: "Ten users: fewer than a seed needs.",
    model: DEMO_CONFIGURED_MODELS.retailPercentage,
    hoursAgo: 8,
    startedBy: ACCOUNT_ID,
    seedAudience: s3Seed(DEMO_SEED_URIS.tooSmall),
  },
  {
    key: "partnerFitness",
    name: "Partner fitness lookalike",
    description: "Started by another member of the collaboration.",
    model: DEMO_CONFIGURED_MODELS.retailAbsolute,
    hoursAgo: 6,
    startedBy: PARTNER_ACCOUNT_ID,
    seedAudience: {
      dataSource: { s3Uri: DEMO_SEED_URIS.fitnessFolder },
      roleArn: `arn:aws:iam::${PARTNER_ACCOUNT_ID}:role/CleanRoomsMLSeedReader`,
    },
    hiddenSeed: { kind: "s3", s3Uri: DEMO_SEED_URIS.fitnessFolder },
  },
];

export interface DemoOptions {
  paths: SeedPaths;
  trainingUsers: number;
  /** False for a first use with models and seeds but no jobs yet. */
  jobs: boolean;
  now: number;
  log: (line: string) => void;
}

/** Creates the demo data unless this data folder has it. */
export async function ensureDemoData(
  store: Store,
  pool: ComputePool,
  options: DemoOptions,
): Promise<void> {
  const version = store.meta.get("demo_version");
  if (version !== undefined && version !== DEMO_VERSION) {
    options.log(
      `This data folder holds the demo of version ${version}; this version's demo (${DEMO_VERSION}: two accounts, a weekly schedule with past runs) needs a new data folder: stop the service, delete ${path.dirname(options.paths.s3Root)} and start again.`,
    );
  }
  if (version !== undefined) {
    const users = store.models.trainingDataset(DEMO_TRAINING_DATASETS.retail.arn)?.users;
    if (users !== undefined && users !== options.trainingUsers) {
      options.log(
        `Training data keeps its ${users.toLocaleString("en-US")} users from first start (EMULATOR_TRAINING_USERS applies to a new data folder).`,
      );
    }
    return;
  }
  const { paths, trainingUsers: users, now } = options;
  const datasetOf = (model: ConfiguredModel) => ({
    generatorSeed: model.audienceModel.dataset.generatorSeed,
    users,
  });

  await pool.run({
    kind: "demo-files",
    dataset: { generatorSeed: DEMO_TRAINING_DATASETS.retail.generatorSeed, users },
    spec: {
      s3Root: paths.s3Root,
      seedDatabase: paths.seedDatabase,
      generatorSeed: DEMO_TRAINING_DATASETS.retail.generatorSeed,
    },
  });

  const computed: { job: DemoJob; row: NewGenerationJob; result: GenerateResult }[] = [];
  for (const job of options.jobs ? DEMO_JOBS : []) {
    const sql = job.seedAudience.sqlParameters;
    const template = Object.values(DEMO_ANALYSIS_TEMPLATES).find(
      (t) => t.arn === sql?.analysisTemplateArn,
    );
    const seed: SeedSpec =
      job.hiddenSeed ??
      (job.seedAudience.dataSource
        ? { kind: "s3", s3Uri: job.seedAudience.dataSource.s3Uri }
        : template
          ? { kind: "sql", queryString: template.sql, parameters: { ...sql?.parameters } }
          : {
              kind: "sql",
              queryString: sql?.queryString ?? "",
              parameters: { ...sql?.parameters },
            });
    const result = await pool.run({
      kind: "generate",
      dataset: datasetOf(job.model),
      seed,
      paths,
      seedLimits: SEED_LIMITS,
      minMatchingSeedSize: job.model.minMatchingSeedSize,
      audienceSizeConfig: job.model.audienceSizeConfig,
      shareMetrics: job.model.sharedAudienceMetrics[0] !== "NONE",
      includeSeedInOutput: job.includeSeedInOutput ?? false,
    });
    computed.push({
      job,
      result,
      row: {
        // Stored under the starting account's ARN; the model's owner sees it under its own.
        arn: arnOf("audience-generation-job", DEMO_JOB_IDS[job.key], job.startedBy),
        name: job.name,
        description: job.description,
        configured_audience_model_arn: job.model.arn,
        collaboration_id: DEMO_COLLABORATION_ID,
        started_by: job.startedBy,
        seed_audience: JSON.stringify(job.seedAudience),
        include_seed_in_output:
          job.includeSeedInOutput === undefined ? null : Number(job.includeSeedInOutput),
        protected_query_identifier: sql ? (DEMO_PROTECTED_QUERY_IDS[job.key] ?? null) : null,
        create_time: now - job.hoursAgo * HOUR,
        pending_ms: scaledMs(CREATE_PENDING_SECONDS, 1),
      },
    });
  }

  // The weekly schedule's past runs (demo/schedules.ts), each computed from its week's seed.
  const scheduleModel = DEMO_SCHEDULE.model;
  const runs: { row: NewGenerationJob; result: GenerateResult; scheduledTime: number }[] = [];
  for (const [index, scheduledTime] of (options.jobs ? demoRunTimes(now) : []).entries()) {
    const result = await pool.run({
      kind: "generate",
      dataset: datasetOf(scheduleModel),
      seed: demoRunSeed(index),
      paths,
      seedLimits: SEED_LIMITS,
      minMatchingSeedSize: scheduleModel.minMatchingSeedSize,
      audienceSizeConfig: scheduleModel.audienceSizeConfig,
      shareMetrics: true,
      includeSeedInOutput: false,
    });
    runs.push({
      scheduledTime,
      result,
      row: {
        arn: arnOf("audience-generation-job", DEMO_SCHEDULE_RUN_IDS[index]!, ACCOUNT_ID),
        name: `${DEMO_SCHEDULE.jobBaseName}-${formatScheduledTime(new Date(scheduledTime))}`,
        description: null,
        configured_audience_model_arn: scheduleModel.arn,
        collaboration_id: DEMO_COLLABORATION_ID,
        started_by: ACCOUNT_ID,
        seed_audience: JSON.stringify(s3Seed(DEMO_SEED_URIS.sportsFans)),
        include_seed_in_output: 0,
        protected_query_identifier: null,
        // EventBridge Scheduler calls within the minute of the scheduled time.
        create_time: scheduledTime + 1_000,
        pending_ms: scaledMs(CREATE_PENDING_SECONDS, 1),
      },
    });
  }

  // The sports fans job's 10,000-user audience, exported two hours after the job.
  const sports = computed.find((c) => c.job.key === "sportsFans");
  let exportRow: Parameters<Store["exports"]["insert"]>[0] | undefined;
  if (sports?.result.ok) {
    const exportUsers = audienceSizeInUsers("ABSOLUTE", 10000, sports.result.population);
    const outputLocation = `${DEMO_CONFIGURED_MODELS.retailAbsolute.outputS3Uri}${DEMO_JOB_IDS.sportsFans}/${DEMO_EXPORT_ID}.jsonl`;
    const file = s3PathOf(outputLocation, paths.s3Root);
    if (file)
      await pool.run({ kind: "export", segment: sports.result.segment, users: exportUsers, file });
    exportRow = {
      id: DEMO_EXPORT_ID,
      name: "Sports fans top 10k",
      description: "For the spring campaign.",
      audience_generation_job_arn: DEMO_JOB_ARNS.sportsFans,
      audience_size_type: "ABSOLUTE",
      audience_size_value: 10000,
      users: exportUsers,
      output_location: outputLocation,
      create_time: sports.row.create_time + 2 * HOUR,
      pending_ms: scaledMs(EXPORT_PENDING_SECONDS, 1),
      progress_ms: scaledMs(exportSeconds(exportUsers), 1),
    };
  }

  store.transaction(() => {
    const created = now - 30 * DAY;
    for (const dataset of Object.values(DEMO_TRAINING_DATASETS)) {
      store.models.insertTrainingDataset({
        arn: dataset.arn,
        name: dataset.name,
        generator_seed: dataset.generatorSeed,
        users,
        create_time: created,
      });
    }
    for (const model of Object.values(DEMO_AUDIENCE_MODELS)) {
      store.models.insertAudienceModel({
        arn: model.arn,
        name: model.name,
        description: model.description,
        training_dataset_arn: model.dataset.arn,
        status: "ACTIVE",
        kms_key_arn:
          model === DEMO_AUDIENCE_MODELS.streaming
            ? `arn:aws:kms:us-east-1:${accountOf(model.arn)}:key/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`
            : null,
        training_data_start_time: Date.UTC(2024, 0, 1),
        training_data_end_time: Date.UTC(2024, 11, 31, 23, 59, 59),
        create_time: created + HOUR,
        update_time: created + 3 * HOUR,
      });
    }
    for (const model of Object.values(DEMO_CONFIGURED_MODELS)) {
      store.models.insertConfiguredModel({
        arn: model.arn,
        name: model.name,
        description: model.description,
        audience_model_arn: model.audienceModel.arn,
        output_config: JSON.stringify({
          destination: { s3Destination: { s3Uri: model.outputS3Uri } },
          roleArn: outputRoleArnOf(model),
        }),
        shared_audience_metrics: JSON.stringify(model.sharedAudienceMetrics),
        min_matching_seed_size: model.minMatchingSeedSize,
        audience_size_config: JSON.stringify(model.audienceSizeConfig),
        child_resource_tag_on_create_policy: model.childResourceTagOnCreatePolicy,
        status: "ACTIVE",
        create_time: created + 4 * HOUR,
        update_time: created + 4 * HOUR,
      });
      store.tags.put(model.arn, model.tags);
    }
    // The policy Clean Rooms manages for each association: the other members may start jobs.
    const collaboration = DEMO_COLLABORATIONS.find((c) => c.id === DEMO_COLLABORATION_ID)!;
    for (const { model } of DEMO_MODEL_ASSOCIATIONS) {
      const owner = accountOf(model.arn);
      const members = collaboration.members.map((m) => m.accountId).filter((a) => a !== owner);
      const policy = managedPolicy(model.arn, owner, members, DEMO_COLLABORATION_ID);
      store.models.putPolicy({
        configured_audience_model_arn: model.arn,
        policy,
        policy_hash: createHash("sha256").update(policy).digest("hex"),
      });
    }
    for (const template of Object.values(DEMO_ANALYSIS_TEMPLATES)) {
      store.models.insertAnalysisTemplate({
        arn: template.arn,
        name: template.name,
        sql: template.sql,
        parameters: JSON.stringify(template.parameters),
      });
    }
    // The schedule's runs are older than the other demo jobs: inserted first, so
    // the list (newest first, in the order jobs were stored) shows them last.
    if (runs.length > 0) insertDemoSchedule(store, runs, now);
    for (const { job, row, result } of computed) {
      store.jobs.insert(row);
      store.jobs.storeOutcome(row.arn, generationOutcome(row, result, 1, 0));
      // A job inherits its model's tags only in the model's own account (as the service does).
      const inherited =
        job.model.childResourceTagOnCreatePolicy === "FROM_PARENT_RESOURCE" &&
        accountOf(job.model.arn) === job.startedBy
          ? job.model.tags
          : {};
      store.tags.put(row.arn, { ...inherited, ...job.tags });
    }
    if (exportRow) {
      store.exports.insert(exportRow);
      store.exports.storeOutcome(exportRow.id, {
        outcome: "ACTIVE",
        finish_time: exportRow.create_time + exportRow.pending_ms + exportRow.progress_ms,
        status_code: null,
        status_message: null,
      });
    }
    store.meta.set("demo_version", DEMO_VERSION);
  });
  const failed = computed
    .filter((c) => !c.result.ok && c.job.key !== "tooSmall")
    .map((c) => c.job.name);
  if (failed.length > 0) {
    options.log(
      `Demo jobs that failed with ${users.toLocaleString("en-US")} training users: ${failed.join(", ")}.`,
    );
  }
  options.log(`Created demo data in ${path.dirname(paths.s3Root)}.`);
}

/**
 * The weekly schedule, its past runs as finished jobs carrying its tag, and a
 * firing record for each. Its next firing is planned at time scale 1, like
 * every demo time: the coming Monday at 09:00 in New York.
 */
function insertDemoSchedule(
  store: Store,
  runs: { row: NewGenerationJob; result: GenerateResult; scheduledTime: number }[],
  now: number,
): void {
  const model = DEMO_SCHEDULE.model;
  const inherited =
    model.childResourceTagOnCreatePolicy === "FROM_PARENT_RESOURCE" ? model.tags : {};
  for (const [index, { row, result, scheduledTime }] of runs.entries()) {
    store.jobs.insert(row);
    store.jobs.storeOutcome(row.arn, generationOutcome(row, result, 1, 0));
    store.tags.put(row.arn, { ...inherited, [SCHEDULE_TAG]: DEMO_SCHEDULE.name });
    store.schedules.insertFiring({
      account: ACCOUNT_ID,
      schedule_arn: DEMO_SCHEDULE.arn,
      scheduled_time: scheduledTime,
      fired_at: row.create_time,
      execution_id: DEMO_SCHEDULE_RUN_IDS[index]!.replace(/^./, "e"),
      attempt_number: 1,
      outcome: "STARTED",
      job_arn: row.arn,
      error: null,
    });
  }
  const created = runs[0]!.scheduledTime - 2 * DAY;
  const schedule: NewSchedule = {
    account: ACCOUNT_ID,
    group_name: DEMO_SCHEDULE.group,
    name: DEMO_SCHEDULE.name,
    arn: DEMO_SCHEDULE.arn,
    description: DEMO_SCHEDULE.description,
    schedule_expression: DEMO_SCHEDULE.expression,
    timezone: DEMO_SCHEDULE.timezone,
    start_date: null,
    end_date: null,
    state: "ENABLED",
    flexible_time_window: JSON.stringify({ Mode: "OFF" }),
    target: JSON.stringify(DEMO_SCHEDULE_TARGET),
    kms_key_arn: null,
    action_after_completion: "NONE",
    client_token: null,
    creation_date: created,
    last_modification_date: created,
    next_fire_time: null,
    next_fire_due: null,
    next_fire_offset: null,
  };
  store.schedules.insertSchedule(schedule);
  store.schedules.setNext(schedule.arn, planNext(schedule, { time: now, due: now }, 1, 0));
}
