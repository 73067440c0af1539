import { CleanRoomsMLClient } from "../lib/cleanrooms-ml";

const emulatorUrl = `http://127.0.0.1:${Number(process.env.E2E_EMULATOR_PORT ?? 4751)}`;

/** A typed client for specs that set up or check data in the local service directly. */
export function serviceClient(): CleanRoomsMLClient {
  return new CleanRoomsMLClient({
    region: "us-east-1",
    endpoint: emulatorUrl,
    credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" },
  });
}

/**
 * Runs `body` with the local service's jobs at another speed (its emulator-only
 * control), then puts the speed back. Jobs keep the durations they started with.
 */
export async function withTimeScale<T>(timeScale: number, body: () => Promise<T>): Promise<T> {
  const control = `${emulatorUrl}/_emulator/time-scale`;
  const put = (value: number) =>
    fetch(control, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify({ timeScale: value }) });
  const { timeScale: previous } = (await (await fetch(control)).json()) as { timeScale: number };
  await put(timeScale);
  try {
    return await body();
  } finally {
    await put(previous);
  }
}
