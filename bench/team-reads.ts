// Run: npm run bench:team-reads [-- --viewers=200 --seconds=60 --build]
//
// A whole team on one dashboard: do the dashboard's calls to the service grow
// with jobs, not with viewers? Starts the production dashboard (`next start`
// on a build in .next-e2e-bench-team, built when missing or with --build)
// against its own local service, on ports 7360-7363, and measures:
//
//   1. 200 viewers poll one in-flight job through GET /api/job every 2 s for
//      60 s, as browsers do (If-None-Match with the last ETag). The job is
//      started at time scale 1 (PUT /_emulator/time-scale), so it is in flight
//      at the start and becomes ACTIVE during the run. Prints the
//      GetAudienceGenerationJob calls the service received per second
//      (GET /_emulator/calls) and the lag between the service first reporting
//      the final status (a ListAudienceGenerationJobs probe every 100 ms,
//      which does not count as a Get) and each viewer seeing it.
//   2. Requests per second of GET /api/job and GET /api/health at 50
//      connections (autocannon, 10 s each, same server, same run).
//   3. The same 200 viewers against a second local service that throttles 50 %
//      of calls (EMULATOR_THROTTLE_RATE=0.5): errors seen by viewers, and calls
//      the service received (throttled ones included).
//
// Targets (README, "Deploying for a team"): ≤ 1.2 Get calls/s; every viewer sees the final status
// within 3 s; /api/job ≥ 0.6 × /api/health; with throttling, no viewer error
// and fewer calls than without. Prints figures; it is not a test. Every
// process it starts, it stops.
import { spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "../emulator/demo/catalog";
import { isInFlight } from "../lib/job-status";
import { startProcessGroup, stopProcessGroup, waitForHttp } from "../test/processes";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const VIEWERS = Number(args.get("viewers") ?? 200);
const SECONDS = Number(args.get("seconds") ?? 60);
const POLL_MS = 2_000;
const PORTS = { app: 7360, service: 7361, throttledApp: 7362, throttledService: 7363 };
const distDir = ".next-e2e-bench-team"; // matches the .next-e2e*/ ignore rule
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const children: ChildProcess[] = [];
function start(command: string, commandArgs: string[], env: Record<string, string>): ChildProcess {
  const child = startProcessGroup(command, commandArgs, { cwd: root, env });
  children.push(child);
  return child;
}
const stopAll = () => Promise.all(children.map(stopProcessGroup));
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A local service and a dashboard pointed at it. */
async function startStack(
  appPort: number,
  servicePort: number,
  serviceEnv: Record<string, string> = {},
) {
  const dataDir = path.join(root, ".data", `bench-team-${servicePort}`);
  rmSync(dataDir, { recursive: true, force: true });
  const serviceUrl = `http://127.0.0.1:${servicePort}`;
  const appUrl = `http://127.0.0.1:${appPort}`;
  const service = start(bin("tsx"), ["emulator/main.ts"], {
    EMULATOR_PORT: String(servicePort),
    EMULATOR_DATA_DIR: dataDir,
    EMULATOR_TRAINING_USERS: "20000",
    ...serviceEnv,
  });
  await waitForHttp(`${serviceUrl}/_emulator/time-scale`, 120_000);
  const app = start(bin("next"), ["start", "-p", String(appPort), "-H", "127.0.0.1"], {
    NEXT_DIST_DIR: distDir,
    NEXT_TELEMETRY_DISABLED: "1",
    CLEANROOMS_ML_ENDPOINT: serviceUrl,
    AWS_REGION: "us-east-1",
    DASHBOARD_BIND_HOST: "127.0.0.1",
  });
  await waitForHttp(`${appUrl}/api/health`, 60_000);
  return {
    serviceUrl,
    appUrl,
    stop: async () => {
      await stopProcessGroup(app);
      await stopProcessGroup(service);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The bench's own calls to the service, retried through any injected throttling (they are not the viewers'). */
async function serviceCall(url: string, init: RequestInit = {}): Promise<Record<string, unknown>> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, {
      ...init,
      headers: { "content-type": "application/json", ...init.headers },
    });
    if (response.status === 429 && attempt < 50) {
      await sleep(50);
      continue;
    }
    if (!response.ok)
      throw new Error(
        `${init.method ?? "GET"} ${url} answered ${response.status}: ${await response.text()}`,
      );
    return (await response.json()) as Record<string, unknown>;
  }
}

async function startInFlightJob(serviceUrl: string): Promise<string> {
  // Time scale 1: about 5 s pending and 35 s generating for this seed, so the job ends well inside the run.
  await serviceCall(`${serviceUrl}/_emulator/time-scale`, {
    method: "PUT",
    body: JSON.stringify({ timeScale: 1 }),
  });
  const started = await serviceCall(`${serviceUrl}/audience-generation-job`, {
    method: "POST",
    body: JSON.stringify({
      name: "Launch watched by the whole team",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      seedAudience: {
        dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
        roleArn: DEMO_SEED_ROLE_ARN,
      },
    }),
  });
  return String(started.audienceGenerationJobArn);
}

/** The first time the service itself reports the job final: a List probe every 100 ms (not a Get, so not counted as one). */
function watchService(serviceUrl: string, arn: string, until: () => boolean) {
  let finalAt: number | undefined;
  let finalStatus: string | undefined;
  const done = (async () => {
    while (!until() && finalAt === undefined) {
      try {
        const page = await serviceCall(`${serviceUrl}/audience-generation-job?maxResults=100`);
        const job = (
          page.audienceGenerationJobs as { audienceGenerationJobArn: string; status: string }[]
        ).find((j) => j.audienceGenerationJobArn === arn);
        if (job && !isInFlight(job.status as Parameters<typeof isInFlight>[0])) {
          finalAt = Date.now();
          finalStatus = job.status;
        }
      } catch {
        // a probe that failed is simply retried
      }
      await sleep(100);
    }
  })();
  return { done, result: () => ({ finalAt, finalStatus }) };
}

interface ViewerRun {
  requests: number;
  notModified: number;
  errors: { status: number; body: string }[];
  /** When each viewer first saw a final status (undefined: never). */
  sawFinalAt: (number | undefined)[];
}

/** `VIEWERS` browsers polling GET /api/job every 2 s, each keeping its last ETag, for `SECONDS`. */
async function runViewers(appUrl: string, arn: string): Promise<ViewerRun> {
  const url = `${appUrl}/api/job?arn=${encodeURIComponent(arn)}`;
  const endAt = Date.now() + SECONDS * 1000;
  const run: ViewerRun = {
    requests: 0,
    notModified: 0,
    errors: [],
    sawFinalAt: Array(VIEWERS).fill(undefined),
  };
  await Promise.all(
    Array.from({ length: VIEWERS }, async (_, viewer) => {
      // Viewers opened the page at different moments: spread over one poll interval.
      await sleep((POLL_MS * viewer) / VIEWERS);
      let etag: string | undefined;
      while (Date.now() < endAt) {
        const sent = Date.now();
        try {
          const response = await fetch(url, { headers: etag ? { "if-none-match": etag } : {} });
          run.requests++;
          if (response.status === 304) {
            run.notModified++;
          } else if (response.ok) {
            etag = response.headers.get("etag") ?? undefined;
            const job = (await response.json()) as { status: string };
            if (
              run.sawFinalAt[viewer] === undefined &&
              !isInFlight(job.status as Parameters<typeof isInFlight>[0])
            ) {
              run.sawFinalAt[viewer] = Date.now();
            }
          } else {
            run.errors.push({
              status: response.status,
              body: (await response.text()).slice(0, 200),
            });
          }
        } catch (error) {
          run.errors.push({ status: 0, body: String(error) });
        }
        await sleep(Math.max(0, sent + POLL_MS - Date.now()));
      }
    }),
  );
  return run;
}

async function calls(serviceUrl: string) {
  return (await serviceCall(`${serviceUrl}/_emulator/calls`)) as {
    calls: Record<string, number>;
    throttled: Record<string, number>;
  };
}

/** One 200-viewer run on a stack: the job, the probe, the viewers, the counts. */
async function viewerScenario(stack: { serviceUrl: string; appUrl: string }) {
  const arn = await startInFlightJob(stack.serviceUrl);
  await serviceCall(`${stack.serviceUrl}/_emulator/calls`, { method: "DELETE" });
  const started = Date.now();
  let finished = false;
  const probe = watchService(stack.serviceUrl, arn, () => finished);
  const run = await runViewers(stack.appUrl, arn);
  const elapsed = (Date.now() - started) / 1000;
  finished = true;
  await probe.done;
  const counts = await calls(stack.serviceUrl);
  const { finalAt, finalStatus } = probe.result();
  const lags =
    finalAt === undefined
      ? []
      : run.sawFinalAt.map((t) => (t === undefined ? Infinity : t - finalAt));
  return {
    arn,
    run,
    elapsed,
    counts,
    finalAt: finalAt && (finalAt - started) / 1000,
    finalStatus,
    lags,
  };
}

const fmt = (x: number, digits = 2) => x.toFixed(digits);
const verdict = (ok: boolean) => (ok ? "PASS" : "FAIL");

async function throughput(url: string) {
  await autocannon({ url, connections: 50, duration: 2 });
  const result = await autocannon({ url, connections: 50, duration: 10 });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
  };
}

async function main() {
  if (args.has("build") || !existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.log(`Building the dashboard into ${distDir}…`);
    // `next build` adds its build folder's types to tsconfig.json; the project's file stays as it is.
    const tsconfig = path.join(root, "tsconfig.json");
    const tsconfigText = readFileSync(tsconfig, "utf8");
    const build = spawnSync(bin("next"), ["build"], {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
    writeFileSync(tsconfig, tsconfigText);
    if (build.status !== 0) throw new Error("next build failed");
  }

  console.log(
    `\n1. ${VIEWERS} viewers poll one in-flight job every ${POLL_MS / 1000} s for ${SECONDS} s`,
  );
  const stack = await startStack(PORTS.app, PORTS.service);
  const plain = await viewerScenario(stack);
  const getCalls = plain.counts.calls.GetAudienceGenerationJob ?? 0;
  const perSecond = getCalls / plain.elapsed;
  const maxLag = Math.max(...plain.lags);
  const sortedLags = [...plain.lags].sort((a, b) => a - b);
  console.log(
    `   dashboard requests:            ${plain.run.requests} (${plain.run.notModified} answered 304), errors ${plain.run.errors.length}`,
  );
  console.log(
    `   GetAudienceGenerationJob calls: ${getCalls} in ${fmt(plain.elapsed, 1)} s = ${fmt(perSecond)} /s   [target ≤ 1.2: ${verdict(perSecond <= 1.2)}]`,
  );
  console.log(`   all calls to the service:       ${JSON.stringify(plain.counts.calls)}`);
  if (plain.finalAt === undefined) {
    console.log("   the job did not become final during the run: no lag measured   [FAIL]");
  } else {
    console.log(
      `   service reported ${plain.finalStatus} at ${fmt(plain.finalAt, 1)} s into the run`,
    );
    console.log(
      `   lag until each viewer saw it:   max ${fmt(maxLag / 1000)} s, median ${fmt(sortedLags[Math.floor(sortedLags.length / 2)]! / 1000)} s, min ${fmt(sortedLags[0]! / 1000)} s   [target max ≤ 3 s: ${verdict(maxLag <= 3000)}]`,
    );
  }

  console.log("\n2. Throughput at 50 connections (autocannon, 10 s each, same server)");
  const jobUrl = `${stack.appUrl}/api/job?arn=${encodeURIComponent(plain.arn)}`;
  const health = await throughput(`${stack.appUrl}/api/health`);
  const job = await throughput(jobUrl);
  await serviceCall(`${stack.serviceUrl}/_emulator/calls`, { method: "DELETE" });
  const ratio = job.rps / health.rps;
  console.log(
    `   GET /api/health: ${fmt(health.rps, 0)} req/s (p99 ${health.p99} ms, errors ${health.errors})`,
  );
  console.log(
    `   GET /api/job:    ${fmt(job.rps, 0)} req/s (p99 ${job.p99} ms, errors ${job.errors})`,
  );
  console.log(`   ratio job/health: ${fmt(ratio)}   [target ≥ 0.6: ${verdict(ratio >= 0.6)}]`);
  await stack.stop();

  console.log(`\n3. The same ${VIEWERS} viewers, the service throttling 50 % of calls`);
  const throttledStack = await startStack(PORTS.throttledApp, PORTS.throttledService, {
    EMULATOR_THROTTLE_RATE: "0.5",
    EMULATOR_FAULT_SEED: "16",
  });
  const throttled = await viewerScenario(throttledStack);
  await throttledStack.stop();
  const tGet = throttled.counts.calls.GetAudienceGenerationJob ?? 0;
  const tThrottled = throttled.counts.throttled.GetAudienceGenerationJob ?? 0;
  console.log(
    `   dashboard requests:            ${throttled.run.requests} (${throttled.run.notModified} answered 304)`,
  );
  console.log(
    `   errors seen by viewers:        ${throttled.run.errors.length}   [target 0: ${verdict(throttled.run.errors.length === 0)}]`,
  );
  for (const error of throttled.run.errors.slice(0, 3))
    console.log(`     e.g. ${error.status} ${error.body}`);
  console.log(
    `   GetAudienceGenerationJob calls: ${tGet} (${tThrottled} throttled) in ${fmt(throttled.elapsed, 1)} s = ${fmt(tGet / throttled.elapsed)} /s, against ${getCalls} without throttling   [target fewer: ${verdict(tGet < getCalls)}]`,
  );
  if (throttled.finalAt === undefined) {
    console.log("   the job did not become final during the run");
  } else {
    const saw = throttled.lags.filter(Number.isFinite);
    console.log(
      `   service reported ${throttled.finalStatus} at ${fmt(throttled.finalAt, 1)} s into the run`,
    );
    console.log(
      `   ${saw.length} of ${VIEWERS} viewers saw it before the run ended${saw.length ? `, lag max ${fmt(Math.max(...saw) / 1000)} s` : ""} (no target under throttling: they see older data meanwhile)`,
    );
  }
}

main()
  .catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  })
  .finally(() => void stopAll());
