import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { ComputeTimeoutError, createWorkerPool, type ComputePool } from "./pool";
import type { GenerateTask } from "./tasks";

/** Never returns a row and reads no table: only a time limit stops it. */
const ENDLESS_SILENCE =
  "WITH RECURSIVE r(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM r) SELECT 'u1' AS user_id FROM r WHERE x < 0";
/** The same with UNION: SQLite keeps every row seen in a temporary table that grows without end. */
const ENDLESS_GROWTH =
  "WITH RECURSIVE r(x) AS (SELECT 1 UNION SELECT x + 1 FROM r) SELECT 'u1' AS user_id FROM r WHERE x < 0";

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "compute-pool-"));
  const db = new Database(path.join(dir, "seed-owner.sqlite"));
  db.exec("CREATE TABLE customers (user_id TEXT)");
  db.close();
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

let pool: ComputePool | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

const sqlTask = (queryString: string): GenerateTask => ({
  kind: "generate",
  dataset: { generatorSeed: 2024, users: 20_000 },
  seed: { kind: "sql", queryString, parameters: {} },
  paths: { s3Root: path.join(dir, "s3"), seedDatabase: path.join(dir, "seed-owner.sqlite") },
  seedLimits: { min: 1, max: 500_000 },
  minMatchingSeedSize: 1,
  audienceSizeConfig: { audienceSizeType: "PERCENTAGE", audienceSizeBins: [10] },
  shareMetrics: false,
  includeSeedInOutput: false,
});

/** The compute processes whose parent is this one (Linux's /proc). */
function children(): number[] {
  return fs
    .readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((pid) => {
      try {
        // Field 4 of /proc/<pid>/stat, after the command name in parentheses.
        const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
        const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
        return (
          parent === process.pid &&
          fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("lookalike/worker.ts")
        );
      } catch {
        return false;
      }
    })
    .map(Number);
}

const cpuSeconds = (usage: NodeJS.CpuUsage) => (usage.user + usage.system) / 1e6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(process.platform === "linux")("a runaway SQL seed at its time limit", () => {
  it("is killed: its process is gone and the CPU it burned comes back", async () => {
    pool = createWorkerPool({ timeoutMs: 120_000 });
    let seen: number[] = [];
    const watching = setInterval(() => (seen = seen.length > 0 ? seen : children()), 100);
    const error = await pool
      .run(sqlTask(ENDLESS_SILENCE), { timeoutMs: 1_500, timeoutCode: "SQL_QUERY_TOO_EXPENSIVE" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComputeTimeoutError);
    expect((error as ComputeTimeoutError).code).toBe("SQL_QUERY_TOO_EXPENSIVE");
    clearInterval(watching);

    // The query ran in a process of its own, which is gone.
    expect(seen).toHaveLength(1);
    await sleep(300);
    expect(fs.existsSync(`/proc/${seen[0]}`)).toBe(false);
    // Over the next second neither this process (threads included) nor any child of it spins.
    const start = process.cpuUsage();
    await sleep(1_000);
    expect(cpuSeconds(process.cpuUsage(start))).toBeLessThan(0.3);
    expect(children()).toEqual([]);
  }, 30_000);

  it("whose temporary table grows is stopped at the memory limit, long before its time limit", async () => {
    pool = createWorkerPool({ timeoutMs: 120_000, memoryLimitBytes: 320 * 1024 * 1024 });
    const started = Date.now();
    const error = await pool
      .run(sqlTask(ENDLESS_GROWTH), { timeoutMs: 60_000, timeoutCode: "SQL_QUERY_TOO_EXPENSIVE" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ComputeTimeoutError);
    expect((error as ComputeTimeoutError).code).toBe("SQL_QUERY_TOO_EXPENSIVE");
    expect((error as Error).message).toMatch(/more than 320 MiB of memory/);
    expect(Date.now() - started).toBeLessThan(60_000);
  }, 90_000);

  it("leaves the next task a fresh process that runs it", async () => {
    pool = createWorkerPool({ timeoutMs: 120_000 });
    await pool.run(sqlTask(ENDLESS_SILENCE), { timeoutMs: 1_000 }).catch(() => undefined);
    const file = path.join(dir, "export.jsonl");
    const result = await pool.run({
      kind: "export",
      segment: Uint32Array.of(3, 1, 2),
      users: 2,
      file,
    });
    expect(result).toEqual({ ok: true });
    expect(fs.readFileSync(file, "utf8").trim().split("\n")).toHaveLength(2);
  }, 30_000);
});
