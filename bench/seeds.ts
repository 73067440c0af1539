// Run: npm run bench:seeds [-- --dist=.next-e2e-bench-seeds --build]
//
// Seeds from S3 (issue: browse, preflight, upload): what a seed check and an
// upload cost the dashboard's server. Starts the production dashboard
// (`next start` on the build in --dist, built when missing or with --build)
// with SEED_BUCKETS=demo-seeds, against its own local service, on ports
// 7370-7371, and measures:
//
//   1. The preflight of a 500,000-line seed file (500,000 unique 8-character
//      IDs, ~11 MB) through GET /api/seeds/preflight, three times: the time of
//      each, and the server's memory growth (its resident set, sampled every
//      10 ms, above what it held before).
//   2. The upload of a 50 MB CSV (500,000 rows, the IDs in the third of four
//      columns) through POST /api/seeds/upload, streamed from the bench: the
//      time, and the server's memory growth the same way.
//
// Targets (README, "Seeds from S3"): preflight ≤ 2 s and ≤ 64 MB growth;
// upload ≤ 100 MB growth. Prints figures; it is not a test. Every process it
// starts, it stops.
import { spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

import { startProcessGroup, stopProcessGroup, waitForHttp } from "../test/processes";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = new Map(
  process.argv.slice(2).map((a) => {
    const [k, v] = a.replace(/^--/, "").split("=");
    return [k!, v ?? "true"] as const;
  }),
);
const distDir = args.get("dist") ?? ".next-e2e-bench-seeds"; // matches the .next-e2e*/ ignore rule
const PORTS = { app: 7370, service: 7371 };
const APP = `http://127.0.0.1:${PORTS.app}`;
const MB = 1024 * 1024;
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

const children: ChildProcess[] = [];
const stopAll = () => Promise.all(children.map(stopProcessGroup));
process.on("SIGINT", () => void stopAll().then(() => process.exit(130)));

/** The resident memory of a process group (the dashboard and any child it runs), from /proc. */
function groupRss(pgid: number): number {
  let total = 0;
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after the command (which may hold spaces): state ppid pgrp …
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const status = fs.readFileSync(`/proc/${entry}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

/** Runs `body` while sampling the group's memory; the peak above the memory before. */
async function measure<T>(pgid: number, body: () => Promise<T>) {
  const before = groupRss(pgid);
  let peak = before;
  const timer = setInterval(() => (peak = Math.max(peak, groupRss(pgid))), 10);
  const started = performance.now();
  try {
    const result = await body();
    return { result, ms: performance.now() - started, growth: peak - before, before };
  } finally {
    clearInterval(timer);
  }
}

const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

async function main() {
  if (args.has("build") || !fs.existsSync(path.join(root, distDir, "BUILD_ID"))) {
    console.log(`Building the dashboard into ${distDir}…`);
    const build = spawnSync(bin("next"), ["build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (build.status !== 0) throw new Error("next build failed");
  }

  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-seeds-"));
  children.push(
    startProcessGroup(bin("tsx"), ["emulator/main.ts"], {
      cwd: root,
      env: {
        EMULATOR_PORT: String(PORTS.service),
        EMULATOR_DATA_DIR: dataDir,
        EMULATOR_TRAINING_USERS: "10000",
        EMULATOR_DEMO_JOBS: "0",
      },
    }),
  );
  await waitForHttp(`http://127.0.0.1:${PORTS.service}/configured-audience-model`, 120_000);

  // The seed, written straight into the local service's S3 folder.
  const seedKey = "bench/500k.jsonl";
  const seedFile = path.join(dataDir, "s3", "demo-seeds", seedKey);
  fs.mkdirSync(path.dirname(seedFile), { recursive: true });
  const out = fs.openSync(seedFile, "w");
  for (let block = 0; block < 50; block++) {
    let text = "";
    for (let i = block * 10_000; i < (block + 1) * 10_000; i++) {
      text += `{"user_id": "u${String(i).padStart(7, "0")}"}\n`;
    }
    fs.writeSync(out, text);
  }
  fs.closeSync(out);

  const app = startProcessGroup(
    bin("next"),
    ["start", "-p", String(PORTS.app), "-H", "127.0.0.1"],
    {
      cwd: root,
      env: {
        NEXT_DIST_DIR: distDir,
        NEXT_TELEMETRY_DISABLED: "1",
        CLEANROOMS_ML_ENDPOINT: `http://127.0.0.1:${PORTS.service}`,
        AWS_REGION: "us-east-1",
        DASHBOARD_BIND_HOST: "127.0.0.1",
        SEED_BUCKETS: "demo-seeds",
      },
    },
  );
  children.push(app);
  await waitForHttp(`${APP}/api/health`, 120_000);
  const pgid = app.pid!;

  const preflight = async (uri: string) => {
    const response = await fetch(`${APP}/api/seeds/preflight?${new URLSearchParams({ uri })}`);
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`preflight: ${response.status} ${JSON.stringify(body)}`);
    return body;
  };
  // Warm up: the route's code loaded, the S3 client made.
  await preflight("s3://demo-seeds/sports-fans.jsonl");
  await new Promise((r) => setTimeout(r, 1000));

  console.log(`\n1. Preflight of a 500,000-line seed (${mb(fs.statSync(seedFile).size)})`);
  for (let run = 1; run <= 3; run++) {
    const { result, ms, growth, before } = await measure(pgid, () =>
      preflight(`s3://demo-seeds/${seedKey}`),
    );
    console.log(
      `   run ${run}: ${ms.toFixed(0)} ms (server's own count ${String(result.durationMs)} ms), ` +
        `${String(result.lines)} lines, ${String(result.uniqueIds)} unique; ` +
        `server memory growth ${mb(growth)} (from ${mb(before)})`,
    );
    await new Promise((r) => setTimeout(r, 1500));
  }

  // 2. A 50 MB CSV, made and sent in pieces so the bench holds little of it either.
  const ROWS = 500_000;
  const header = "name,email,customer_id,notes\n";
  // Each row padded (its notes) so the file is exactly 50 MB.
  const perRow = Math.floor((50 * MB - header.length) / ROWS);
  const longer = 50 * MB - header.length - perRow * ROWS; // rows given one byte more
  const rowOf = (i: number) => {
    const base = `Customer ${i},customer${i}@example.com,c${String(i).padStart(8, "0")},`;
    return `${base}${"n".repeat(perRow - base.length - 1 + (i < longer ? 1 : 0))}\n`;
  };
  let row = 0;
  let sentHeader = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (!sentHeader) {
        sentHeader = true;
        controller.enqueue(Buffer.from(header));
        return;
      }
      if (row >= ROWS) {
        controller.close();
        return;
      }
      let chunk = "";
      for (const end = Math.min(ROWS, row + 5_000); row < end; row++) chunk += rowOf(row);
      controller.enqueue(Buffer.from(chunk));
    },
  });
  const total = 50 * MB;
  console.log(`\n2. Upload of a ${mb(total)} CSV (${ROWS.toLocaleString("en-US")} rows)`);
  await new Promise((r) => setTimeout(r, 1000));
  const uploaded = await measure(pgid, async () => {
    const params = new URLSearchParams({
      bucket: "demo-seeds",
      key: "bench/uploaded.jsonl",
      format: "csv",
      column: "2",
      delimiter: ",",
      header: "customer_id",
    });
    const response = await fetch(`${APP}/api/seeds/upload?${params}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/octet-stream", "content-length": String(total) },
      duplex: "half",
    } as RequestInit);
    const result = (await response.json()) as Record<string, unknown>;
    if (response.status !== 201)
      throw new Error(`upload: ${response.status} ${JSON.stringify(result)}`);
    return result;
  });
  console.log(
    `   ${uploaded.ms.toFixed(0)} ms, ${String(uploaded.result.ids)} unique IDs written; ` +
      `server memory growth ${mb(uploaded.growth)} (from ${mb(uploaded.before)})`,
  );
  const written = fs.statSync(
    path.join(dataDir, "s3", "demo-seeds", "bench", "uploaded.jsonl"),
  ).size;
  console.log(`   the seed in S3: ${mb(written)} of JSON lines`);

  console.log("\nTargets: preflight ≤ 2 s and ≤ 64 MB growth; upload ≤ 100 MB growth.");
  await stopAll();
  fs.rmSync(dataDir, { recursive: true, force: true });
}

main().catch(async (error: unknown) => {
  console.error(error);
  await stopAll();
  process.exit(1);
});
