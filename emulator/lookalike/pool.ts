/**
 * Runs compute tasks off the request path: one compute process, tasks in
 * order, each with a time limit. A task that overruns or crashes the process
 * fails alone: the process is killed with SIGKILL (a worker thread could not
 * be stopped while SQLite's native code runs) and replaced for the next one.
 */
import { fork, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath, pathToFileURL } from "node:url";

import { runTask, type Task, type TaskResult } from "./tasks";

/** A task's own time limit, shorter than the pool's, and the status code it fails with. */
export interface RunOptions {
  timeoutMs?: number;
  timeoutCode?: string;
  timeoutMessage?: string;
}

export interface ComputePool {
  run<T extends Task>(task: T, options?: RunOptions): Promise<TaskResult<T>>;
  close(): Promise<void>;
}

export class ComputeTimeoutError extends Error {
  override name = "ComputeTimeoutError";
  constructor(
    message: string,
    /** The job status code to fail with. */
    readonly code = "COMPUTE_TIMEOUT",
  ) {
    super(message);
  }
}

interface Queued {
  task: Task;
  options: RunOptions;
  resolve: (result: never) => void;
  reject: (error: Error) => void;
}

/** Same interface, same thread: for benchmarks and tiny setups. */
export function createInlinePool(): ComputePool {
  let chain: Promise<unknown> = Promise.resolve();
  let closed = false;
  return {
    run<T extends Task>(task: T) {
      const next = chain.then(
        () =>
          new Promise<TaskResult<T>>((resolve, reject) =>
            setImmediate(() => {
              if (closed) return reject(new Error("The compute pool is closed"));
              try {
                resolve(runTask(task));
              } catch (error) {
                reject(error instanceof Error ? error : new Error(String(error)));
              }
            }),
          ),
      );
      chain = next.catch(() => undefined);
      return next;
    },
    async close() {
      closed = true;
    },
  };
}

/**
 * The compute process, loading the TypeScript sources through tsx, so it runs
 * the same under `tsx emulator/main.ts` and inside Vitest. Messages use the
 * structured clone ("advanced") serialization, so typed arrays arrive whole.
 */
function spawnWorker(memoryLimitBytes: number): ChildProcess {
  const require = createRequire(import.meta.url);
  const tsx = pathToFileURL(require.resolve("tsx")).href;
  const entry = fileURLToPath(new URL("./worker.ts", import.meta.url));
  return fork(entry, [String(memoryLimitBytes)], {
    execArgv: ["--import", tsx],
    serialization: "advanced",
    // File descriptor 4: the process's watchdog reports a memory overrun there before it dies.
    stdio: ["ignore", "inherit", "inherit", "ipc", "pipe"],
  });
}

/** The compute process's default memory limit (its SQLite temporary storage included). */
export const COMPUTE_MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

/** Kills a compute process at once, and waits until it is gone. */
function kill(child: ChildProcess): Promise<void> {
  child.removeAllListeners();
  child.on("error", () => undefined);
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill("SIGKILL");
  return gone;
}

export function createWorkerPool({
  timeoutMs,
  memoryLimitBytes = COMPUTE_MEMORY_LIMIT_BYTES,
}: {
  timeoutMs: number;
  memoryLimitBytes?: number;
}): ComputePool {
  const queue: Queued[] = [];
  let worker: ChildProcess | undefined;
  /** Whether the worker has loaded its code: a task's time limit starts then, not while it starts up. */
  let ready = false;
  let current: (Queued & { id: number; timer: NodeJS.Timeout | undefined }) | undefined;
  let nextId = 1;
  let closed = false;

  const settle = (outcome: { result: unknown } | { error: Error }) => {
    const job = current;
    if (!job) return;
    clearTimeout(job.timer);
    current = undefined;
    if ("error" in outcome) job.reject(outcome.error);
    else job.resolve(outcome.result as never);
    pump();
  };

  const discardWorker = () => {
    const w = worker;
    worker = undefined;
    ready = false;
    if (w) void kill(w);
  };

  const startTimer = (options: RunOptions) => {
    // The task's own limit applies when it is the shorter one; the pool's otherwise.
    const own = options.timeoutMs !== undefined && options.timeoutMs < timeoutMs;
    const limit = own ? options.timeoutMs! : timeoutMs;
    const timer = setTimeout(() => {
      discardWorker();
      const seconds = Math.round(limit / 1000);
      settle({
        error: own
          ? new ComputeTimeoutError(
              options.timeoutMessage ?? `The computation did not finish within ${seconds} s`,
              options.timeoutCode,
            )
          : new ComputeTimeoutError(`The computation did not finish within ${seconds} s`),
      });
    }, limit);
    timer.unref();
    return timer;
  };

  const ensureWorker = (): ChildProcess => {
    if (worker) return worker;
    const w = spawnWorker(memoryLimitBytes);
    let overran = false;
    (w.stdio[4] as NodeJS.ReadableStream | null)?.on("data", () => (overran = true));
    w.on("message", (message: { ready?: true; id?: number; result?: unknown; error?: string }) => {
      if (message.ready) {
        ready = true;
        if (current && !current.timer) current.timer = startTimer(current.options);
        return;
      }
      if (!current || message.id !== current.id) return;
      if (message.error !== undefined) settle({ error: new Error(message.error) });
      else settle({ result: message.result });
    });
    w.on("error", (error) => {
      discardWorker();
      settle({ error });
    });
    // "close" rather than "exit": it comes after the report pipe has been read to its end.
    w.on("close", (code, signal) => {
      if (worker !== w) return;
      worker = undefined;
      ready = false;
      const options = current?.options ?? {};
      const mib = Math.round(memoryLimitBytes / 1024 / 1024);
      settle({
        error: overran
          ? new ComputeTimeoutError(
              `The computation needed more than ${mib} MiB of memory, so it was stopped.`,
              options.timeoutCode,
            )
          : new Error(`The compute worker stopped (${signal ?? `exit code ${code}`})`),
      });
    });
    worker = w;
    return w;
  };

  function pump() {
    if (closed || current) return;
    const job = queue.shift();
    if (!job) return;
    const id = nextId++;
    current = { ...job, id, timer: undefined };
    try {
      const w = ensureWorker();
      if (ready) current.timer = startTimer(current.options);
      w.send({ id, task: job.task });
    } catch (error) {
      settle({ error: error instanceof Error ? error : new Error(String(error)) });
    }
  }

  return {
    run<T extends Task>(task: T, options: RunOptions = {}) {
      return new Promise<TaskResult<T>>((resolve, reject) => {
        if (closed) return reject(new Error("The compute pool is closed"));
        queue.push({ task, options, resolve: resolve as (r: never) => void, reject });
        pump();
      });
    },
    async close() {
      closed = true;
      const error = new Error("The compute pool is closed");
      for (const job of queue.splice(0)) job.reject(error);
      if (current) settle({ error });
      const w = worker;
      worker = undefined;
      if (w) await kill(w);
    },
  };
}
