/**
 * The heavy work, as plain messages: compute a job's audience, write an
 * export file, write the demo files. Runs in the compute worker (or inline).
 */
import fs from "node:fs";
import path from "node:path";

import { writeDemoFiles, type DemoFilesSpec } from "../demo/files";
import { computeLookalike, type AudienceQualityMetrics, type AudienceSizeConfig } from "./compute";
import {
  readSeed,
  type SeedFailureCode,
  type SeedLimits,
  type SeedPaths,
  type SeedSpec,
} from "./seed";
import { generateTrainingData, userIdOf, type TrainingData } from "./training-data";

export interface DatasetSpec {
  generatorSeed: number;
  users: number;
}

export interface GenerateTask {
  kind: "generate";
  dataset: DatasetSpec;
  seed: SeedSpec;
  paths: SeedPaths;
  seedLimits: SeedLimits;
  minMatchingSeedSize: number;
  audienceSizeConfig: AudienceSizeConfig;
  shareMetrics: boolean;
  includeSeedInOutput: boolean;
}

export type GenerateResult =
  | {
      ok: true;
      seedUsers: number;
      matchedSeedUsers: number;
      population: number;
      segment: Uint32Array;
      metrics: AudienceQualityMetrics | undefined;
    }
  | {
      ok: false;
      statusCode: SeedFailureCode | "INSUFFICIENT_MATCHING_SEED_USERS";
      message: string;
      seedUsers: number;
    };

export interface ExportTask {
  kind: "export";
  /** Training user indices, best first; the first `users` are written. */
  segment: Uint32Array;
  users: number;
  file: string;
}

export type ExportResult = { ok: true } | { ok: false; message: string };

export interface DemoFilesTask {
  kind: "demo-files";
  dataset: DatasetSpec;
  spec: DemoFilesSpec;
}

export type Task = GenerateTask | ExportTask | DemoFilesTask;
export type TaskResult<T extends Task> = T extends GenerateTask
  ? GenerateResult
  : T extends ExportTask
    ? ExportResult
    : T extends DemoFilesTask
      ? { ok: true }
      : never;

const datasets = new Map<string, TrainingData>();
const MAX_CACHED_DATASETS = 4;

/** The training data of a spec, generated once per process. */
export function trainingData(spec: DatasetSpec): TrainingData {
  const key = `${spec.generatorSeed}:${spec.users}`;
  let data = datasets.get(key);
  if (!data) {
    if (datasets.size >= MAX_CACHED_DATASETS)
      datasets.delete(datasets.keys().next().value as string);
    data = generateTrainingData(spec.generatorSeed, spec.users);
    datasets.set(key, data);
  }
  return data;
}

export function runGenerate(task: GenerateTask): GenerateResult {
  const seed = readSeed(task.seed, task.paths, task.seedLimits);
  if (!seed.ok)
    return { ok: false, statusCode: seed.statusCode, message: seed.message, seedUsers: 0 };
  const result = computeLookalike(trainingData(task.dataset), {
    seedUserIds: seed.userIds,
    minMatchingSeedSize: task.minMatchingSeedSize,
    audienceSizeConfig: task.audienceSizeConfig,
    includeSeedInOutput: task.includeSeedInOutput,
    shareMetrics: task.shareMetrics,
  });
  if (!result.ok) return { ...result, seedUsers: seed.userIds.length };
  return {
    ok: true,
    seedUsers: seed.userIds.length,
    matchedSeedUsers: result.matchedSeedUsers,
    population: result.population,
    segment: result.segment,
    metrics: result.metrics,
  };
}

/** Writes the audience as JSON lines, through a temporary file so a reader never sees half of it. */
export function runExport(task: ExportTask): ExportResult {
  try {
    const count = Math.min(task.users, task.segment.length);
    const lines: string[] = new Array<string>(count);
    for (let i = 0; i < count; i++) lines[i] = `{"user_id":"${userIdOf(task.segment[i] ?? 0)}"}`;
    fs.mkdirSync(path.dirname(task.file), { recursive: true });
    const temporary = `${task.file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, lines.length > 0 ? lines.join("\n") + "\n" : "");
    fs.renameSync(temporary, task.file);
    return { ok: true };
  } catch (error) {
    return {
      ok: false,
      message: `Could not write the audience: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

export function runTask<T extends Task>(task: T): TaskResult<T> {
  switch (task.kind) {
    case "generate":
      return runGenerate(task) as TaskResult<T>;
    case "export":
      return runExport(task) as TaskResult<T>;
    case "demo-files":
      writeDemoFiles(trainingData(task.dataset), task.spec);
      return { ok: true } as TaskResult<T>;
  }
  throw new Error(`Unknown task ${(task as { kind: string }).kind}`);
}
