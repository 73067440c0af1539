/**
 * Reads while the service throttles every call: each AWS client retries
 * through the one shared back-off, and nothing retries on top of it, so one
 * request costs at most SERVICE_MAX_ATTEMPTS calls of the service.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { startTestEmulator, type TestEmulator } from "@/emulator/testing";
import { OperationBackoff, SERVICE_MAX_ATTEMPTS } from "@/lib/cleanrooms-ml";

type Route = (request: Request) => Promise<Response>;

let emulator: TestEmulator;
const get = (route: Route, query = "") => route(new Request(`http://127.0.0.1/api/x?${query}`));

async function calls(): Promise<Record<string, number>> {
  return (await emulator.call("GET", "/_emulator/calls")).json.calls as Record<string, number>;
}

let now = 0;
beforeAll(async () => {
  vi.spyOn(console, "info").mockImplementation(() => {});
  vi.spyOn(console, "error").mockImplementation(() => {});
  emulator = await startTestEmulator({ throttleRate: 1 });
  vi.stubEnv("CLEANROOMS_ML_ENDPOINT", emulator.url);
  vi.stubEnv("AWS_REGION", "us-east-1");
  vi.stubEnv("DASHBOARD_BIND_HOST", "127.0.0.1");
  // The process's back-off on its own clock: its waits pass at once, its counting is real.
  (globalThis as Record<symbol, unknown>)[Symbol.for("cleanrooms-ml-dashboard.backoff")] =
    new OperationBackoff({
      now: () => now,
      sleep: async (ms) => {
        now += ms;
      },
    });
}, 60_000);

afterAll(async () => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
  await emulator?.close();
});

describe("at 100% throttling, one request", () => {
  it("to /api/roles makes at most one client's attempts of IAM", async () => {
    const { GET } = await import("@/app/api/roles/route");
    await emulator.call("DELETE", "/_emulator/calls");
    expect((await get(GET)).status).toBeGreaterThanOrEqual(400);
    expect((await calls()).ListRoles).toBeLessThanOrEqual(SERVICE_MAX_ATTEMPTS);
  }, 60_000);

  it("to /api/collaborations makes at most one client's attempts of Clean Rooms", async () => {
    const { GET } = await import("@/app/api/collaborations/route");
    await emulator.call("DELETE", "/_emulator/calls");
    expect((await get(GET)).status).toBeGreaterThanOrEqual(400);
    expect((await calls()).ListMemberships).toBeLessThanOrEqual(SERVICE_MAX_ATTEMPTS);
  }, 60_000);

  it("to /api/jobs makes at most one client's attempts of Clean Rooms ML", async () => {
    const { GET } = await import("@/app/api/jobs/route");
    await emulator.call("DELETE", "/_emulator/calls");
    expect((await get(GET)).status).toBeGreaterThanOrEqual(400);
    expect((await calls()).ListAudienceGenerationJobs).toBeLessThanOrEqual(SERVICE_MAX_ATTEMPTS);
  }, 60_000);
});
