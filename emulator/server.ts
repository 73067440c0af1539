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

import { CallCounter, DeniedOperations, LostAnswers } from "./call-log";
import { DEFAULT_CONFIG, type EmulatorConfig } from "./config";
import { CONTROL_PREFIX, handleControl } from "./control";
import { ensureDemoData } from "./demo";
import { isDenied } from "./denials";
import { Engine } from "./engine";
import { ApiError, parseJsonBody, readBody, send, sendError } from "./http";
import { iamService } from "./iam";
import { accountOfRequest } from "./identity";
import { createInlinePool, createWorkerPool } from "./lookalike/pool";
import { createRandom } from "./lookalike/random";
import type { SeedPaths } from "./lookalike/seed";
import { checkBodyMediaType, checkCaller } from "./request-checks";
import { CLEANROOMS_ROUTES } from "./routes/cleanrooms-routes";
import type { Context } from "./routes/context";
import { listAudienceExportJobs, startAudienceExportJob } from "./routes/export-jobs";
import {
  deleteAudienceGenerationJob,
  getAudienceGenerationJob,
  listAudienceGenerationJobs,
  startAudienceGenerationJob,
} from "./routes/generation-jobs";
import {
  deleteConfiguredAudienceModelPolicy,
  getAudienceModel,
  getConfiguredAudienceModel,
  getConfiguredAudienceModelPolicy,
  listAudienceModels,
  listConfiguredAudienceModels,
  putConfiguredAudienceModelPolicy,
} from "./routes/models";
import { listTagsForResource, tagResource, untagResource } from "./routes/tags";
import {
  DEFAULT_SERVICE,
  matchRoute,
  route,
  signingServiceOf,
  type InjectedFault,
  type Route,
  type ServiceHandler,
} from "./routing";
import { s3Service } from "./s3/service";
import { Scheduler } from "./scheduler/firing";
import { SCHEDULER_ROUTES } from "./scheduler/routes";
import { openStore } from "./store";

/** The Clean Rooms ML routing table, as in the model (`http.method`, `http.requestUri`). */
export const CLEANROOMS_ML_ROUTES: Route[] = [
  route(
    "POST",
    "/audience-generation-job",
    "StartAudienceGenerationJob",
    startAudienceGenerationJob,
  ),
  route(
    "GET",
    "/audience-generation-job",
    "ListAudienceGenerationJobs",
    listAudienceGenerationJobs,
  ),
  route(
    "GET",
    "/audience-generation-job/{audienceGenerationJobArn}",
    "GetAudienceGenerationJob",
    getAudienceGenerationJob,
  ),
  route(
    "DELETE",
    "/audience-generation-job/{audienceGenerationJobArn}",
    "DeleteAudienceGenerationJob",
    deleteAudienceGenerationJob,
  ),
  route("POST", "/audience-export-job", "StartAudienceExportJob", startAudienceExportJob),
  route("GET", "/audience-export-job", "ListAudienceExportJobs", listAudienceExportJobs),
  route(
    "GET",
    "/configured-audience-model",
    "ListConfiguredAudienceModels",
    listConfiguredAudienceModels,
  ),
  // Before GetConfiguredAudienceModel, whose last label would take "…/policy" (routing.ts).
  route(
    "PUT",
    "/configured-audience-model/{configuredAudienceModelArn}/policy",
    "PutConfiguredAudienceModelPolicy",
    putConfiguredAudienceModelPolicy,
  ),
  route(
    "GET",
    "/configured-audience-model/{configuredAudienceModelArn}/policy",
    "GetConfiguredAudienceModelPolicy",
    getConfiguredAudienceModelPolicy,
  ),
  route(
    "DELETE",
    "/configured-audience-model/{configuredAudienceModelArn}/policy",
    "DeleteConfiguredAudienceModelPolicy",
    deleteConfiguredAudienceModelPolicy,
  ),
  route(
    "GET",
    "/configured-audience-model/{configuredAudienceModelArn}",
    "GetConfiguredAudienceModel",
    getConfiguredAudienceModel,
  ),
  route("GET", "/audience-model", "ListAudienceModels", listAudienceModels),
  route("GET", "/audience-model/{audienceModelArn}", "GetAudienceModel", getAudienceModel),
  route("GET", "/tags/{resourceArn}", "ListTagsForResource", listTagsForResource),
  route("POST", "/tags/{resourceArn}", "TagResource", tagResource),
  route("DELETE", "/tags/{resourceArn}", "UntagResource", untagResource),
];

/**
 * The restJson1 services the local service answers, by SigV4 signing name
 * (routing.ts). Services of other protocols (IAM's query protocol, S3's
 * REST-XML) answer in their own wire format and are listed apart.
 */
export const REST_JSON_SERVICES: Record<
  string,
  {
    title: string;
    routes: readonly Route[];
    /** The error body's message member, as the model names it (`message` when not given). */
    messageMember?: string;
  }
> = {
  "cleanrooms-ml": { title: "Clean Rooms ML", routes: CLEANROOMS_ML_ROUTES },
  cleanrooms: { title: "Clean Rooms", routes: CLEANROOMS_ROUTES },
  scheduler: { title: "EventBridge Scheduler", routes: SCHEDULER_ROUTES, messageMember: "Message" },
};

/**
 * Services of other protocols, by signing name: each answers the whole
 * request, its errors included, in its own wire format.
 */
export const OTHER_SERVICES: Record<string, ServiceHandler> = {
  iam: iamService,
  s3: s3Service,
};

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
  const faultSeed = config.faultSeed ?? Math.floor(Math.random() * 2 ** 32);
  // The scheduler fires through the operations, so it holds the context it is part of.
  const context = {
    store,
    engine,
    now,
    paths,
    calls: new CallCounter(),
    lostAnswers: new LostAnswers(),
    denied: new DeniedOperations(),
  } as Context;
  const scheduler = new Scheduler(context, { seed: faultSeed, log });
  context.scheduler = scheduler;
  const tick = () => {
    engine.tick();
    scheduler.tick();
  };

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
    tick();
    const random = createRandom(faultSeed);
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
      tick();
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

/** The fault EMULATOR_THROTTLE_RATE or EMULATOR_ERROR_RATE injects into this call, if any. */
function injectedFault(config: EmulatorConfig, random: () => number): InjectedFault | undefined {
  if (config.throttleRate > 0 && random() < config.throttleRate) return "throttle";
  if (config.errorRate > 0 && random() < config.errorRate) return "error";
  return undefined;
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
  let messageMember: string | undefined;
  try {
    if (config.latencyMs > 0) await sleep(config.latencyMs);
    checkCaller(req, config.host);
    if (rawPath.startsWith(CONTROL_PREFIX)) {
      const reply = handleControl(
        method,
        rawPath,
        method === "PUT" ? await jsonBody(req) : {},
        context,
        new URLSearchParams(q < 0 ? "" : url.slice(q + 1)),
      );
      status = reply.status ?? 200;
      send(res, requestId, status, reply.body);
      return;
    }
    const query = new URLSearchParams(q < 0 ? "" : url.slice(q + 1));
    const serviceName = signingServiceOf(req, query) ?? DEFAULT_SERVICE;
    const other = OTHER_SERVICES[serviceName];
    if (other) {
      status = await other({
        req,
        res,
        requestId,
        method,
        rawPath,
        query,
        context,
        fault: () => injectedFault(config, random),
      });
      return;
    }
    const service = REST_JSON_SERVICES[serviceName];
    if (!service) {
      const known = [...Object.keys(REST_JSON_SERVICES), ...Object.keys(OTHER_SERVICES)];
      throw new ApiError(
        "UnknownOperationException",
        `The local service does not answer the AWS service "${serviceName}" (it answers ${known.join(", ")}).`,
      );
    }
    messageMember = service.messageMember;
    const { route, labels } = matchRoute(service.routes, method, rawPath, service.title);
    context.calls.received(route.name);
    const fault = injectedFault(config, random);
    if (fault === "throttle") {
      context.calls.throttled(route.name);
      throw new ApiError(
        "ThrottlingException",
        "Rate exceeded (injected by EMULATOR_THROTTLE_RATE).",
      );
    }
    if (fault === "error") {
      throw new ApiError(
        "InternalServerException",
        "Internal failure (injected by EMULATOR_ERROR_RATE).",
      );
    }
    if (isDenied(context, serviceName, route.name)) {
      throw new ApiError(
        "AccessDeniedException",
        `The caller is not authorized to perform ${serviceName}:${route.name} (denied by the local service's /_emulator/denied).`,
      );
    }
    const body = ["POST", "PUT", "PATCH"].includes(method) ? await jsonBody(req) : {};
    const reply = route.operation(context, {
      account: accountOfRequest(req, query),
      label: Object.values(labels)[0] ?? "",
      labels,
      query,
      body,
    });
    // The work is done; a test may have asked for its answer to be lost (/_emulator/lost-answers).
    const lost = context.lostAnswers.take(route.name);
    if (lost === "drop") {
      status = 0;
      res.destroy();
      return;
    }
    if (lost === "error") {
      throw new ApiError(
        "InternalServerException",
        "Internal failure after the request was carried out (injected by /_emulator/lost-answers).",
      );
    }
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
    if (!res.headersSent) sendError(res, requestId, apiError, messageMember);
  } finally {
    if (config.logRequests)
      log(`${method} ${url} → ${status} (${(performance.now() - started).toFixed(1)} ms)`);
  }
}
