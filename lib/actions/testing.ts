/**
 * Test set-up shared by the action and route tests: the dashboard's client
 * pointed at a local service, with every command it sends recorded.
 */
import { vi } from "vitest";

/** A command the dashboard sent: its operation name and a copy of its input. */
export interface SentCommand {
  operation: string;
  input: unknown;
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
  vi.stubEnv("CLEANROOMS_ML_ENDPOINT", url);
  vi.stubEnv("AWS_REGION", "us-east-1");
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
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
