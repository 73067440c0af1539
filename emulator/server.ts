/**
 * The local Clean Rooms ML service: the audience operations of the public
 * restJson1 API on node:http, backed by SQLite and a compute worker.
 *
 *   const emulator = await startEmulator({ port: 0, dataDir });
 *   // … emulator.url …
 *   await emulator.close();
 */
import { randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

import { DEFAULT_CONFIG, type EmulatorConfig } from "./config";
import { CallCounter, CONTROL_PREFIX, handleControl } from "./control";
import { ensureDemoData } from "./demo";
import { Engine } from "./engine";
import { ApiError, parseJsonBody, readBody, send, sendError } from "./http";
import { createInlinePool, createWorkerPool } from "./lookalike/pool";
import { createRandom } from "./lookalike/random";
import type { SeedPaths } from "./lookalike/seed";
import { checkBodyMediaType, checkCaller } from "./request-checks";
import type { Context, Operation } from "./routes/context";
import { listAudienceExportJobs, startAudienceExportJob } from "./routes/export-jobs";
import {
  deleteAudienceGenerationJob,
  getAudienceGenerationJob,
  listAudienceGenerationJobs,
  startAudienceGenerationJob,
} from "./routes/generation-jobs";
import {
  getAudienceModel,
  getConfiguredAudienceModel,
  listAudienceModels,
  listConfiguredAudienceModels,
} from "./routes/models";
import { listTagsForResource, tagResource, untagResource } from "./routes/tags";
import { openStore } from "./store";

interface Route {
  method: "GET" | "POST" | "DELETE";
  /** The fixed part of the path; a route with a label takes the rest as one (percent-encoded) label. */
  prefix: string;
  label: boolean;
  name: string;
  operation: Operation;
}

/** The routing table, as in the model (`http.method`, `http.requestUri`). */
export const ROUTES: Route[] = [
  {
    method: "POST",
    prefix: "/audience-generation-job",
    label: false,
    name: "StartAudienceGenerationJob",
    operation: startAudienceGenerationJob,
  },
  {
    method: "GET",
    prefix: "/audience-generation-job",
    label: false,
    name: "ListAudienceGenerationJobs",
    operation: listAudienceGenerationJobs,
  },
  {
    method: "GET",
    prefix: "/audience-generation-job",
    label: true,
    name: "GetAudienceGenerationJob",
    operation: getAudienceGenerationJob,
  },
  {
    method: "DELETE",
    prefix: "/audience-generation-job",
    label: true,
    name: "DeleteAudienceGenerationJob",
    operation: deleteAudienceGenerationJob,
  },
  {
    method: "POST",
    prefix: "/audience-export-job",
    label: false,
    name: "StartAudienceExportJob",
    operation: startAudienceExportJob,
  },
  {
    method: "GET",
    prefix: "/audience-export-job",
    label: false,
    name: "ListAudienceExportJobs",
    operation: listAudienceExportJobs,
  },
  {
    method: "GET",
    prefix: "/configured-audience-model",
    label: false,
    name: "ListConfiguredAudienceModels",
    operation: listConfiguredAudienceModels,
  },
  {
    method: "GET",
    prefix: "/configured-audience-model",
    label: true,
    name: "GetConfiguredAudienceModel",
    operation: getConfiguredAudienceModel,
  },
  {
    method: "GET",
    prefix: "/audience-model",
    label: false,
    name: "ListAudienceModels",
    operation: listAudienceModels,
  },
  {
    method: "GET",
    prefix: "/audience-model",
    label: true,
    name: "GetAudienceModel",
    operation: getAudienceModel,
  },
  {
    method: "GET",
    prefix: "/tags",
    label: true,
    name: "ListTagsForResource",
    operation: listTagsForResource,
  },
  { method: "POST", prefix: "/tags", label: true, name: "TagResource", operation: tagResource },
  {
    method: "DELETE",
    prefix: "/tags",
    label: true,
    name: "UntagResource",
    operation: untagResource,
  },
];

function matchRoute(method: string, rawPath: string): { route: Route; label: string } {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    if (!route.label && rawPath === route.prefix) return { route, label: "" };
    if (route.label && rawPath.startsWith(route.prefix + "/")) {
      const encoded = rawPath.slice(route.prefix.length + 1);
      try {
        return { route, label: decodeURIComponent(encoded) };
      } catch {
        throw new ApiError(
          "ValidationException",
          `The path label "${encoded}" is not valid percent-encoding.`,
        );
      }
    }
  }
  throw new ApiError(
    "UnknownOperationException",
    `No Clean Rooms ML operation answers ${method} ${rawPath}.`,
  );
}

export interface StartEmulatorOptions extends Partial<EmulatorConfig> {
  /** Where log lines go (default: nowhere). */
  log?: (line: string) => void;
  /** Run computations in a worker thread (default) or on the main thread between requests. */
  computeInWorker?: boolean;
  /** A computation running longer than this fails with COMPUTE_TIMEOUT (default 120 s). */
  computeTimeoutMs?: number;
}

export interface RunningEmulator {
  url: string;
  port: number;
  dataDir: string;
  close(): Promise<void>;
}

export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const config: EmulatorConfig = { ...DEFAULT_CONFIG, ...withoutUndefined(options) };
  const dataDir = path.resolve(config.dataDir);
  const log = options.log ?? (() => undefined);
  const now = () => Date.now();
  const paths: SeedPaths = {
    s3Root: path.join(dataDir, "s3"),
    seedDatabase: path.join(dataDir, "seed-owner.sqlite"),
  };

  const store = openStore(dataDir);
  const pool =
    options.computeInWorker === false
      ? createInlinePool()
      : createWorkerPool({ timeoutMs: options.computeTimeoutMs ?? 120_000 });
  const engine = new Engine(store, pool, {
    timeScale: config.timeScale,
    computeQueueMax: config.computeQueueMax,
    paths,
    now,
    log,
  });
  const context: Context = { store, engine, now, paths, calls: new CallCounter() };

  let server: http.Server | undefined;
  const timers: { tick?: NodeJS.Timeout } = {};
  const shutdown = async () => {
    clearInterval(timers.tick);
    engine.close();
    if (server) {
      const closed = new Promise<void>((resolve) => server?.close(() => resolve()));
      server.closeAllConnections();
      await closed;
    }
    await pool.close();
    store.close();
  };

  try {
    await ensureDemoData(store, pool, {
      paths,
      trainingUsers: config.trainingUsers,
      jobs: config.demoJobs,
      now: now(),
      log,
    });
    engine.tick();
    const random = createRandom(config.faultSeed ?? Math.floor(Math.random() * 2 ** 32));
    server = http.createServer((req, res) => {
      void handle(req, res, context, config, random, log);
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server?.once("error", reject);
      server?.listen(config.port, config.host, () => resolve());
    });
  } catch (error) {
    await shutdown();
    throw error;
  }

  timers.tick = setInterval(() => {
    try {
      engine.tick();
    } catch (error) {
      log(`Tick failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }, config.tickMs);
  timers.tick.unref();

  const port = (server.address() as AddressInfo).port;
  const host = config.host.includes(":") ? `[${config.host}]` : config.host;
  let closing: Promise<void> | undefined;
  return {
    url: `http://${host}:${port}`,
    port,
    dataDir,
    close: () => (closing ??= shutdown()),
  };
}

function withoutUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A restJson1 request's body as a JSON object, in the media type its clients send. */
async function jsonBody(req: http.IncomingMessage): Promise<Record<string, unknown>> {
  const body = await readBody(req);
  checkBodyMediaType(req, body, "restJson1");
  return parseJsonBody(body);
}

async function handle(
  req: http.IncomingMessage,
  res: http.ServerResponse,
  context: Context,
  config: EmulatorConfig,
  random: () => number,
  log: (line: string) => void,
) {
  const requestId = randomUUID();
  const started = performance.now();
  const method = req.method ?? "GET";
  const url = req.url ?? "/";
  const q = url.indexOf("?");
  const rawPath = q < 0 ? url : url.slice(0, q);
  let status = 200;
  try {
    if (config.latencyMs > 0) await sleep(config.latencyMs);
    checkCaller(req, config.host);
    if (rawPath.startsWith(CONTROL_PREFIX)) {
      const reply = handleControl(
        method,
        rawPath,
        method === "PUT" ? await jsonBody(req) : {},
        context,
      );
      status = reply.status ?? 200;
      send(res, requestId, status, reply.body);
      return;
    }
    const { route, label } = matchRoute(method, rawPath);
    context.calls.received(route.name);
    if (config.throttleRate > 0 && random() < config.throttleRate) {
      context.calls.throttled(route.name);
      throw new ApiError(
        "ThrottlingException",
        "Rate exceeded (injected by EMULATOR_THROTTLE_RATE).",
      );
    }
    if (config.errorRate > 0 && random() < config.errorRate) {
      throw new ApiError(
        "InternalServerException",
        "Internal failure (injected by EMULATOR_ERROR_RATE).",
      );
    }
    const body = method === "POST" ? await jsonBody(req) : {};
    const reply = route.operation(context, {
      label,
      query: new URLSearchParams(q < 0 ? "" : url.slice(q + 1)),
      body,
    });
    status = reply.status ?? 200;
    send(res, requestId, status, reply.body);
  } catch (error) {
    const apiError =
      error instanceof ApiError
        ? error
        : new ApiError(
            "InternalServerException",
            `Internal error: ${error instanceof Error ? error.message : String(error)}`,
          );
    if (!(error instanceof ApiError))
      log(`${method} ${rawPath} failed: ${error instanceof Error ? error.stack : String(error)}`);
    status = apiError.status;
    if (!res.headersSent) sendError(res, requestId, apiError);
  } finally {
    if (config.logRequests)
      log(`${method} ${url} → ${status} (${(performance.now() - started).toFixed(1)} ms)`);
  }
}
