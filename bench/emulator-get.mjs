// Run: node bench/emulator-get.mjs [seconds=10] [connections=10]
//
// GetAudienceGenerationJob throughput of the local Clean Rooms ML service:
// starts `node --import tsx emulator/main.ts` as its own process on a free loopback port
// with a fresh data folder, then drives one demo job's GET with autocannon
// (keep-alive connections) and prints requests per second and latency.
// The target is at least 2,000 requests per second. Prints figures; it is
// not a test.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const seconds = Number(process.argv[2] ?? 10);
const connections = Number(process.argv[3] ?? 10);
const JOB_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/1f0e2d3c-4b5a-4968-8776-5a4b3c2d1e0f";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "emulator-bench-"));
// One process (not the `tsx` command, which runs a child): stopping it stops the emulator.
const child = spawn(process.execPath, ["--import", "tsx", "emulator/main.ts"], {
  cwd: root,
  env: { ...process.env, EMULATOR_PORT: "0", EMULATOR_DATA_DIR: dataDir },
  stdio: ["ignore", "pipe", "inherit"],
});
const stop = () => {
  if (child.exitCode === null) child.kill("SIGTERM");
  fs.rmSync(dataDir, { recursive: true, force: true });
};
process.on("SIGINT", () => {
  stop();
  process.exit(130);
});

const url = await new Promise((resolve, reject) => {
  let output = "";
  child.stdout.on("data", (chunk) => {
    output += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(output);
    if (match) resolve(match[1]);
  });
  child.on("exit", (code) => reject(new Error(`emulator exited with ${code}:\n${output}`)));
});

const target = `${url}/audience-generation-job/${encodeURIComponent(JOB_ARN)}`;
let result;
try {
  const check = await fetch(target);
  if (check.status !== 200) throw new Error(`GET answered ${check.status}: ${await check.text()}`);
  // A short warm-up so the JIT has seen the path, then the measured run.
  await autocannon({ url: target, connections, duration: 2 });
  result = await autocannon({ url: target, connections, duration: seconds });
} finally {
  stop();
}

const rps = result.requests.average;
console.log(
  `GetAudienceGenerationJob on ${os.cpus().length} CPU(s), ${connections} connections, ${seconds} s`,
);
console.log(
  `  requests/s   average ${rps.toFixed(0)}  (min ${result.requests.min}, max ${result.requests.max})`,
);
console.log(
  `  latency ms   p50 ${result.latency.p50}  p99 ${result.latency.p99}  max ${result.latency.max}`,
);
console.log(
  `  responses    ${result.requests.total} total, ${result.non2xx} not 2xx, ${result.errors} errors`,
);
console.log(
  `  load average ${os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(" ")}`,
);
console.log(
  rps >= 2000 ? "  target of 2,000 requests/s: met" : "  target of 2,000 requests/s: NOT met",
);
