/** The emulator's programmatic entry: start one in-process (tests, scripts). */
export { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "./server";
export { parseConfig, ConfigError, DEFAULT_CONFIG, type EmulatorConfig } from "./config";
export * from "./demo/catalog";
