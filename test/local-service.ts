/**
 * Test set-up shared by the action and route tests: the dashboard's client
 * pointed at a local service, with every command it sends recorded.
 */
import { afterAll, beforeAll, vi } from "vitest";

import type { StartEmulatorOptions } from "@/emulator/server";
import { startTestEmulator, type TestEmulator } from "@/emulator/testing";

/** A command the dashboard sent: its operation name and a copy of its input. */
export interface SentCommand {
  operation: string;
  input: unknown;
}

/** Points the dashboard's AWS clients at `url` through the environment, as `npm start` does, plus any `env` given. */
function pointDashboardAt(url: string, env: Record<string, string>): void {
  vi.stubEnv("CLEANROOMS_ML_ENDPOINT", url);
  vi.stubEnv("AWS_REGION", "us-east-1");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
}

/**
 * Points the dashboard's Clean Rooms ML client at `url` (through the
 * environment, as `npm start` does, plus any `env` given) and records each
 * command it sends in `sent` before sending it for real. Call it before
 * importing the actions or routes under test; `vi.restoreAllMocks()` and
 * `vi.unstubAllEnvs()` undo it.
 */
export async function recordClientAgainst(
  url: string,
  sent: SentCommand[],
  env: Record<string, string> = {},
): Promise<void> {
  pointDashboardAt(url, env);
  const { CleanRoomsMLClient } = await import("@/lib/cleanrooms-ml");
  const send = CleanRoomsMLClient.prototype.send;
  vi.spyOn(CleanRoomsMLClient.prototype, "send").mockImplementation(function (
    this: InstanceType<typeof CleanRoomsMLClient>,
    command,
    options,
  ) {
    sent.push({ operation: command.operation.name, input: structuredClone(command.input) });
    return send.call(this, command, options);
  });
}

/**
 * For a whole test file: before its tests, a local service
 * (`startTestEmulator`) with the dashboard's clients pointed at it, bound to
 * loopback, each Clean Rooms ML command recorded in `sent` when given, and the
 * audit log's lines kept out of the report; after them, the service closed and
 * every stub undone. Call it before the file's own `beforeAll`, which then finds
 * the running service in the returned object's `emulator`.
 */
export function localServiceForTests({
  sent,
  options,
}: { sent?: SentCommand[]; options?: StartEmulatorOptions } = {}): { emulator: TestEmulator } {
  const service = {} as { emulator: TestEmulator };
  beforeAll(async () => {
    vi.spyOn(console, "info").mockImplementation(() => {});
    service.emulator = await startTestEmulator(options);
    const env = { DASHBOARD_BIND_HOST: "127.0.0.1" };
    if (sent) await recordClientAgainst(service.emulator.url, sent, env);
    else pointDashboardAt(service.emulator.url, env);
  }, 60_000);
  afterAll(async () => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
    await service.emulator?.close();
  });
  return service;
}
