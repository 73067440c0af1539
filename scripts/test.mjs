#!/usr/bin/env node
/**
 * `npm test`: typecheck, lint, the formatting check (Prettier), unit and
 * integration tests (Vitest), then the end-to-end tests (Playwright,
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

function run(command, args) {
  const started = Date.now();
  const { status } = spawnSync(command, args, { cwd: root, stdio: "inherit", env: process.env });
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

{
  console.log("\n▶ unit and integration tests (vitest)");
  const report = path.join(results, "unit.json");
  rmSync(report, { force: true });
  const { ok, seconds } = run(bin("vitest"), [
    "run",
    "--reporter=default",
    "--reporter=json",
    `--outputFile=${report}`,
  ]);
  const json = readJson(report);
  stages.push({
    name: "vitest",
    ...counts(ok, json?.numPassedTests, json?.numFailedTests),
    seconds,
  });
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
