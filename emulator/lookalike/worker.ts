/** The compute worker thread: runs tasks from the main thread one at a time. */
import { parentPort } from "node:worker_threads";

import { runTask, type Task } from "./tasks";

const port = parentPort;
if (!port) throw new Error("emulator/lookalike/worker.ts must run in a worker thread");

port.on("message", ({ id, task }: { id: number; task: Task }) => {
  try {
    const result = runTask(task);
    const transfer =
      "segment" in result && result.segment instanceof Uint32Array ? [result.segment.buffer] : [];
    port.postMessage({ id, result }, transfer as ArrayBuffer[]);
  } catch (error) {
    port.postMessage({
      id,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    });
  }
});

port.postMessage({ ready: true });
