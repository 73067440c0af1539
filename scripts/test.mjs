#!/usr/bin/env node
/**
 * `npm test`: typecheck, lint, the formatting check (Prettier), unit and
 * integration tests (Vitest, three times: see CLOCKS), then the end-to-end tests (Playwright,
 * production build) and the pages' JS-byte budgets on that build. Every
 * stage runs even when an earlier one fails; the exit code is non-zero if
 * anything failed. The last line counts every test
 * together: `N passed, N failed` (typecheck, lint and format count as one test
 * each).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const results = path.join(root, "test-results");
mkdirSync(results, { recursive: true });
const bin = (name) => path.join(root, "node_modules", ".bin", name);

function run(command, args, env = {}) {
  const started = Date.now();
  const { status } = spawnSync(command, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, ...env },
  });
  return { ok: status === 0, seconds: (Date.now() - started) / 1000 };
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, "utf8"));
  } catch {
    return undefined;
  }
}

const stages = [];

/** A runner that failed without reporting a failed test (a crash, a broken config) still counts one failure. */
function counts(ok, passed = 0, failed = 0) {
  return { passed, failed: !ok && failed === 0 ? 1 : failed };
}

function check(name, command, args) {
  console.log(`\n▶ ${name}`);
  const { ok, seconds } = run(command, args);
  stages.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds });
}

check("typecheck", bin("tsc"), ["--noEmit"]);
check("lint", bin("eslint"), [".", "--max-warnings=0"]);
check("format", bin("prettier"), ["--check", "."]);

/**
 * The unit suite runs three times: as the machine is, then with the clock moved and the time zone
 * changed (libfaketime, Debian's `faketime`), so a test that leans on today's date, on UTC or on a
 * whole-hour offset fails here rather than on some later day.
 */
const CLOCKS = [
  { label: "", env: {} },
  {
    label: "clock +200 days, America/Los_Angeles",
    shift: "+200d",
    env: { TZ: "America/Los_Angeles" },
  },
  {
    label: "clock +400 days, Australia/Adelaide (UTC+9:30/+10:30)",
    shift: "+400d",
    env: { TZ: "Australia/Adelaide" },
  },
];

function hasFaketime() {
  return spawnSync("faketime", ["-f", "+0d", "true"], { stdio: "ignore" }).status === 0;
}

for (const [i, clock] of CLOCKS.entries()) {
  const name = i === 0 ? "vitest" : `vitest ${clock.shift}`;
  console.log(`\n▶ unit and integration tests (vitest${clock.label ? `, ${clock.label}` : ""})`);
  if (clock.shift && !hasFaketime()) {
    console.log("faketime is not installed: `apt-get install faketime` (Debian) runs this stage.");
    stages.push({ name, passed: 0, failed: 1, seconds: 0 });
    continue;
  }
  const report = path.join(results, `unit${i === 0 ? "" : `-${i}`}.json`);
  rmSync(report, { force: true });
  const vitest = [
    bin("vitest"),
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${report}`,
  ];
  // -m: libfaketime's multi-threaded build, since Node runs threads.
  const [command, ...args] = clock.shift
    ? ["faketime", "-m", "-f", clock.shift, ...vitest]
    : vitest;
  const { ok, seconds } = run(command, args, clock.env);
  const json = readJson(report);
  stages.push({ name, ...counts(ok, json?.numPassedTests, json?.numFailedTests), seconds });
}

{
  console.log("\n▶ end-to-end tests (playwright, production build)");
  const report = path.join(results, "e2e.json");
  rmSync(report, { force: true });
  const { ok, seconds } = run(bin("playwright"), ["test"]);
  const stats = readJson(report)?.stats;
  const passed = stats ? stats.expected + stats.flaky : undefined;
  stages.push({ name: "playwright", ...counts(ok, passed, stats?.unexpected), seconds });
}

// The JS-byte budgets of bench/pages, from the build the e2e tests just made (bytes are stable where times are not).
check("page weight", bin("tsx"), [
  "bench/pages/bytes.ts",
  `--dist-dir=${process.env.E2E_DIST_DIR ?? ".next"}`,
]);

console.log("\nSummary");
for (const s of stages) {
  console.log(
    `  ${s.name.padEnd(12)} ${String(s.passed).padStart(4)} passed ${String(s.failed).padStart(4)} failed  (${s.seconds.toFixed(0)} s)`,
  );
}
const passed = stages.reduce((n, s) => n + s.passed, 0);
const failed = stages.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
