import { CleanRoomsMLClient } from "../lib/cleanrooms-ml";

/** A typed client for specs that set up or check data in the local service directly. */
export function serviceClient(): CleanRoomsMLClient {
  const port = Number(process.env.E2E_EMULATOR_PORT ?? 4751);
  return new CleanRoomsMLClient({
    region: "us-east-1",
    endpoint: `http://127.0.0.1:${port}`,
    credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" },
  });
}
