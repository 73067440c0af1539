/**
 * The compute process: runs tasks from the emulator one at a time. It is a
 * child process rather than a worker thread so that a task that overruns
 * (a SQL seed spinning inside SQLite's native code, which no thread can
 * interrupt) is stopped for good: the pool kills the whole process with
 * SIGKILL, and the CPU, memory and temporary files it held come back.
 */
import { Worker } from "node:worker_threads";

import { runTask, type Task } from "./tasks";

const send = process.send?.bind(process);
if (!send) throw new Error("emulator/lookalike/worker.ts must run as a forked child process");

/** The most memory (resident) this process may hold; SQLite's temporary storage is in memory (seed.ts). */
const memoryLimitBytes = Number(process.argv[2]);
if (!(memoryLimitBytes > 0)) throw new Error("The compute process needs its memory limit in bytes");

/**
 * A watchdog thread, which runs even while the main thread is stuck in native
 * code and can no longer handle an event: past the memory limit it says so on
 * the pool's report pipe (file descriptor 4) and kills this process; when the
 * emulator went away without killing it (itself killed with SIGKILL), the
 * orphan kills itself.
 */
new Worker(
  `const fs = require("node:fs");
   const { limit } = require("node:worker_threads").workerData;
   const parent = process.ppid;
   setInterval(() => {
     if (process.memoryUsage.rss() > limit) {
       try { fs.writeSync(4, "memory\\n"); } catch {}
       process.kill(process.pid, "SIGKILL");
     }
     if (process.ppid !== parent) process.kill(process.pid, "SIGKILL");
   }, 100);`,
  { eval: true, workerData: { limit: memoryLimitBytes } },
).unref();
process.on("disconnect", () => process.exit(0));

process.on("message", ({ id, task }: { id: number; task: Task }) => {
  try {
    send({ id, result: runTask(task) });
  } catch (error) {
    send({ id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  }
});

send({ ready: true });
