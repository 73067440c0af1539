/**
 * Runs compute tasks off the request path: one worker thread, tasks in
 * order, each with a time limit. A task that overruns or crashes the worker
 * fails alone; the worker is replaced for the next one.
 */
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

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
 * A worker thread that loads the TypeScript sources through tsx, so it runs
 * the same under `tsx emulator/main.ts` and inside Vitest.
 */
function spawnWorker(): Worker {
  const require = createRequire(import.meta.url);
  const tsx = require.resolve("tsx/cjs/api");
  const entry = fileURLToPath(new URL("./worker.ts", import.meta.url));
  return new Worker(
    `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(entry)});`,
    {
      eval: true,
    },
  );
}

export function createWorkerPool({ timeoutMs }: { timeoutMs: number }): ComputePool {
  const queue: Queued[] = [];
  let worker: Worker | undefined;
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
    if (w) {
      w.removeAllListeners();
      w.on("error", () => undefined);
      void w.terminate();
    }
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

  const ensureWorker = (): Worker => {
    if (worker) return worker;
    const w = spawnWorker();
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
    w.on("exit", (code) => {
      if (worker !== w) return;
      worker = undefined;
      ready = false;
      settle({ error: new Error(`The compute worker stopped (exit code ${code})`) });
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
      w.postMessage({ id, task: job.task });
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
      if (w) {
        w.removeAllListeners();
        await w.terminate();
      }
    },
  };
}
