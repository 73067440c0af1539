/**
 * `npm run emulator`: the local Clean Rooms ML service, configured by
 * EMULATOR_* environment variables (see emulator/README.md).
 */
import { ConfigError, parseConfig } from "./config";
import { startEmulator } from "./server";

async function main() {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  const log = (line: string) => console.log(`[emulator] ${line}`);
  const emulator = await startEmulator({ ...config, log }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "EADDRINUSE") {
      console.error(
        `Port ${config.port} on ${config.host} is in use: set EMULATOR_PORT to another port (0 picks a free one).`,
      );
      process.exit(1);
    }
    throw error;
  });
  console.log(`Clean Rooms ML emulator listening on ${emulator.url} (data: ${emulator.dataDir})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal} received, shutting down`);
    emulator.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
