/**
 * Test helpers: an emulator on a random loopback port with its own temporary
 * data folder, and a small fetch wrapper that returns status, headers and JSON.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "./server";

export interface Response {
  status: number;
  headers: Headers;
  /** The parsed JSON body; undefined when empty. */
  json: Record<string, unknown> & { message?: string };
  text: string;
}

export interface TestEmulator extends RunningEmulator {
  call(
    method: string,
    pathAndQuery: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Response>;
  /** Polls GetAudienceGenerationJob until `until` holds, returning every status seen on the way. */
  waitForJob(
    arn: string,
    until: (job: Record<string, unknown>) => boolean,
    timeoutMs?: number,
  ): Promise<{ job: Record<string, unknown>; seen: string[] }>;
  /** Starts a job from the request and waits until it is final (ACTIVE or CREATE_FAILED). */
  runJob(request: Record<string, unknown>): Promise<Record<string, unknown>>;
}

/** Fast defaults for tests: a small training set and jobs 100 times faster than real. */
export const TEST_OPTIONS: StartEmulatorOptions = {
  port: 0,
  trainingUsers: 20_000,
  timeScale: 100,
  tickMs: 50,
  // Tests start jobs faster than one worker computes them; emulator/compute-limits.test.ts tests the bound.
  computeQueueMax: 1_000,
};

export function temporaryDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), "emulator-test-"));
}

export async function call(
  baseUrl: string,
  method: string,
  pathAndQuery: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const init: RequestInit = { method, headers: { ...headers } };
  if (body !== undefined) {
    init.body = typeof body === "string" ? body : JSON.stringify(body);
    if (
      !Object.keys(headers).some((h) => h.toLowerCase() === "content-type") &&
      typeof body !== "string"
    ) {
      (init.headers as Record<string, string>)["content-type"] = "application/json";
    }
  }
  const res = await fetch(baseUrl + pathAndQuery, init);
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: text ? (JSON.parse(text) as Response["json"]) : {},
  };
}

let jobNames = 0;
/**
 * A job name no other job of the test run has: names are unique within an
 * account (a second start with the same name is a ConflictException).
 */
export const uniqueJobName = (prefix: string) => `${prefix} ${++jobNames}`;

/**
 * Headers that make a request the given account's, as a signed request with
 * that access key ID is (identity.ts); the local service checks no signature.
 */
export const asAccount = (account: string, service = "cleanrooms-ml") => ({
  authorization: `AWS4-HMAC-SHA256 Credential=${account}/20250101/us-east-1/${service}/aws4_request, SignedHeaders=host, Signature=0`,
});

export const enc = encodeURIComponent;
export const jobPath = (arn: string) => `/audience-generation-job/${enc(arn)}`;

export async function startTestEmulator(options: StartEmulatorOptions = {}): Promise<TestEmulator> {
  const dataDir = options.dataDir ?? temporaryDataDir();
  const emulator = await startEmulator({ ...TEST_OPTIONS, ...options, dataDir });
  const api: TestEmulator["call"] = (method, p, body, headers) =>
    call(emulator.url, method, p, body, headers);
  const waitForJob: TestEmulator["waitForJob"] = async (arn, until, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    const seen: string[] = [];
    for (;;) {
      const res = await api("GET", jobPath(arn));
      if (res.status === 200) {
        const status = String(res.json.status);
        if (seen[seen.length - 1] !== status) seen.push(status);
        if (until(res.json)) return { job: res.json, seen };
      } else if (until({ notFound: res.status === 404 })) {
        return { job: res.json, seen: [...seen, `HTTP ${res.status}`] };
      }
      if (Date.now() > deadline)
        throw new Error(`Job ${arn} did not get there in time; saw ${seen.join(" → ")}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return {
    ...emulator,
    call: api,
    waitForJob,
    async runJob(request) {
      const res = await api("POST", "/audience-generation-job", request);
      if (res.status !== 200) throw new Error(`Start failed: ${res.status} ${res.text}`);
      const arn = String(res.json.audienceGenerationJobArn);
      return (await waitForJob(arn, (j) => j.status === "ACTIVE" || j.status === "CREATE_FAILED"))
        .job;
    },
    async close() {
      await emulator.close();
      if (!options.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
