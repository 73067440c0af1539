/**
 * Nothing acknowledged is lost: the CLI process is killed with SIGKILL and
 * started again on the same data folder; every accepted job is there and
 * carries on its lifecycle from its stored times. The process is started as
 * `node --import tsx emulator/main.ts`, one process, so the signal reaches
 * the emulator itself (the `tsx` command runs it as a child process).
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "./demo/catalog";
import { call, jobPath, temporaryDataDir } from "./testing";

const root = path.resolve(__dirname, "..");
const nodeArgs = ["--import", "tsx", "emulator/main.ts"];
const dataDir = temporaryDataDir();
const children: ChildProcess[] = [];

afterAll(() => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Starts `tsx emulator/main.ts` and resolves with its URL once it says it is listening. */
function startProcess(
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawn(process.execPath, nodeArgs, {
    cwd: root,
    env: {
      ...process.env,
      EMULATOR_PORT: "0",
      EMULATOR_DATA_DIR: dataDir,
      EMULATOR_TRAINING_USERS: "20000",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match =
        /Clean Rooms ML emulator listening on (http:\/\/127\.0\.0\.1:\d+) \(data: (.+)\)/.exec(
          output,
        );
      if (match) {
        expect(match[2]).toBe(dataDir);
        resolve({ child, url: match[1] as string, output: () => output });
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.on("exit", (code, signal) =>
      reject(new Error(`emulator exited (${code ?? signal}) before listening:\n${output}`)),
    );
  });
}

const exited = (child: ChildProcess) =>
  new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null)
      resolve({ code: child.exitCode, signal: child.signalCode });
    else child.once("exit", (code, signal) => resolve({ code, signal }));
  });

describe("kill -9 and restart", () => {
  it("keeps every accepted job and carries each on from its stored times", async () => {
    // Time scale 5: pending 1 s, in progress several seconds, deletion 1.6 s.
    const first = await startProcess({ EMULATOR_TIME_SCALE: "5" });
    const start = await call(first.url, "POST", "/audience-generation-job", {
      name: "Survives a crash",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      seedAudience: {
        dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans },
        roleArn: DEMO_SEED_ROLE_ARN,
      },
      tags: { purpose: "restart-test" },
    });
    expect(start.status).toBe(200);
    const arn = String(start.json.audienceGenerationJobArn);
    const before = (await call(first.url, "GET", jobPath(arn))).json;
    expect(before.status).toBe("CREATE_PENDING");
    expect((await call(first.url, "DELETE", jobPath(DEMO_JOB_ARNS.tooSmall))).status).toBe(200);

    first.child.kill("SIGKILL");
    expect((await exited(first.child)).signal).toBe("SIGKILL");

    const second = await startProcess({ EMULATOR_TIME_SCALE: "5" });
    expect(second.output()).not.toMatch(/Created demo data/);
    const after = (await call(second.url, "GET", jobPath(arn))).json;
    expect(after).toMatchObject({
      name: "Survives a crash",
      createTime: before.createTime,
      tags: { purpose: "restart-test" },
    });
    expect(["CREATE_PENDING", "CREATE_IN_PROGRESS"]).toContain(after.status);
    // The deletion goes on (or is over, if the restart took longer than its 1.6 s): never back to CREATE_FAILED.
    const deleting = await call(second.url, "GET", jobPath(DEMO_JOB_ARNS.tooSmall));
    expect(
      deleting.status === 404 ||
        ["DELETE_PENDING", "DELETE_IN_PROGRESS"].includes(String(deleting.json.status)),
    ).toBe(true);

    const deadline = Date.now() + 30_000;
    let job = after;
    while (job.status !== "ACTIVE" && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await call(second.url, "GET", jobPath(arn))).json;
    }
    expect(job.status).toBe("ACTIVE");
    expect(job.metrics).toBeDefined();
    // The in-progress phase ran on the stored clock: 1 s pending from the original createTime.
    expect(
      Date.parse(String(job.updateTime)) - Date.parse(String(before.createTime)),
    ).toBeGreaterThan(1000);
    expect((await call(second.url, "GET", jobPath(DEMO_JOB_ARNS.tooSmall))).status).toBe(404);

    second.child.kill("SIGTERM");
    expect(await exited(second.child)).toEqual({ code: 0, signal: null });
  }, 90_000);

  it("fails fast with a message naming a bad setting", async () => {
    const child = spawn(process.execPath, nodeArgs, {
      cwd: root,
      env: { ...process.env, EMULATOR_TIME_SCALE: "fast" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    children.push(child);
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    expect((await exited(child)).code).toBe(1);
    expect(stderr).toMatch(/EMULATOR_TIME_SCALE must be a number \(got "fast"\)/);
  }, 30_000);
});
