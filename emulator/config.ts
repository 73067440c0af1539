/**
 * The emulator's settings, parsed once from the environment. A bad value
 * fails at start with a message naming the variable.
 */
import path from "node:path";
import { z } from "zod";

export interface EmulatorConfig {
  /** TCP port; 0 picks a free one. */
  port: number;
  host: string;
  /** Folder for the SQLite state, the stand-in S3 (`s3/`) and the seed owner's database. */
  dataDir: string;
  /** Divides every job duration: 10 makes a 30 s phase take 3 s. */
  timeScale: number;
  /** Delay added before every response. */
  latencyMs: number;
  /** Share (0..1) of requests answered with 429 ThrottlingException. */
  throttleRate: number;
  /** Share (0..1) of requests answered with 500 InternalServerException. */
  errorRate: number;
  /** Seed of the fault-injection draws, for repeatable runs; random when unset. */
  faultSeed: number | undefined;
  /** Users in each demo training dataset; read when the demo data is first created. */
  trainingUsers: number;
  /** Whether a new data folder gets the demo jobs (models, seeds and templates it always gets). */
  demoJobs: boolean;
  /** Interval of the background tick that advances and cleans up jobs. */
  tickMs: number;
  /** Log one line per request. */
  logRequests: boolean;
}

export const DEFAULT_CONFIG: EmulatorConfig = {
  port: 4750,
  host: "127.0.0.1",
  dataDir: ".data/emulator",
  timeScale: 1,
  latencyMs: 0,
  throttleRate: 0,
  errorRate: 0,
  faultSeed: undefined,
  trainingUsers: 100_000,
  demoJobs: true,
  tickMs: 1000,
  logRequests: false,
};

export const TRAINING_USERS_MIN = 1_000;
export const TRAINING_USERS_MAX = 1_000_000;

export class ConfigError extends Error {
  override name = "ConfigError";
}

const integer = (min: number, max: number) =>
  z.coerce
    .number({ error: "must be a number" })
    .int({ error: "must be a whole number" })
    .min(min, { error: `must be at least ${min}` })
    .max(max, { error: `must be at most ${max}` });

const rate = z.coerce
  .number({ error: "must be a number" })
  .min(0, { error: "must be between 0 and 1" })
  .max(1, { error: "must be between 0 and 1" });

const envSchema = z.object({
  EMULATOR_PORT: integer(0, 65_535).optional(),
  EMULATOR_HOST: z.string().min(1).optional(),
  EMULATOR_DATA_DIR: z.string().min(1).optional(),
  EMULATOR_TIME_SCALE: z.coerce
    .number({ error: "must be a number" })
    .positive({ error: "must be greater than 0" })
    .max(1_000_000, { error: "must be at most 1000000" })
    .optional(),
  EMULATOR_LATENCY_MS: integer(0, 60_000).optional(),
  EMULATOR_THROTTLE_RATE: rate.optional(),
  EMULATOR_ERROR_RATE: rate.optional(),
  EMULATOR_FAULT_SEED: integer(0, 2 ** 32 - 1).optional(),
  EMULATOR_TRAINING_USERS: integer(TRAINING_USERS_MIN, TRAINING_USERS_MAX).optional(),
  EMULATOR_DEMO_JOBS: z.enum(["0", "1", "true", "false"], { error: "must be 1 or 0" }).optional(),
  EMULATOR_TICK_MS: integer(10, 60_000).optional(),
  EMULATOR_LOG_REQUESTS: z
    .enum(["0", "1", "true", "false"], { error: "must be 1 or 0" })
    .optional(),
});

/** Settings from environment variables; unset or blank ones take the defaults. */
export function parseConfig(env: Record<string, string | undefined>): EmulatorConfig {
  const present: Record<string, string> = {};
  for (const key of Object.keys(envSchema.shape)) {
    const value = env[key]?.trim();
    if (value) present[key] = value;
  }
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map(
      (i) => `${i.path.join(".")} ${i.message} (got "${present[String(i.path[0])]}")`,
    );
    throw new ConfigError(`Invalid emulator setting: ${problems.join("; ")}`);
  }
  const e = parsed.data;
  return {
    port: e.EMULATOR_PORT ?? DEFAULT_CONFIG.port,
    host: e.EMULATOR_HOST ?? DEFAULT_CONFIG.host,
    dataDir: path.resolve(e.EMULATOR_DATA_DIR ?? DEFAULT_CONFIG.dataDir),
    timeScale: e.EMULATOR_TIME_SCALE ?? DEFAULT_CONFIG.timeScale,
    latencyMs: e.EMULATOR_LATENCY_MS ?? DEFAULT_CONFIG.latencyMs,
    throttleRate: e.EMULATOR_THROTTLE_RATE ?? DEFAULT_CONFIG.throttleRate,
    errorRate: e.EMULATOR_ERROR_RATE ?? DEFAULT_CONFIG.errorRate,
    faultSeed: e.EMULATOR_FAULT_SEED ?? DEFAULT_CONFIG.faultSeed,
    trainingUsers: e.EMULATOR_TRAINING_USERS ?? DEFAULT_CONFIG.trainingUsers,
    demoJobs:
      e.EMULATOR_DEMO_JOBS === undefined
        ? DEFAULT_CONFIG.demoJobs
        : e.EMULATOR_DEMO_JOBS === "1" || e.EMULATOR_DEMO_JOBS === "true",
    tickMs: e.EMULATOR_TICK_MS ?? DEFAULT_CONFIG.tickMs,
    logRequests: e.EMULATOR_LOG_REQUESTS === "1" || e.EMULATOR_LOG_REQUESTS === "true",
  };
}
