import path from "node:path";
import { describe, expect, it } from "vitest";

import { DEFAULT_CONFIG, parseConfig } from "./config";

describe("parseConfig", () => {
  it("takes the defaults when nothing is set (or a value is blank)", () => {
    expect(parseConfig({ EMULATOR_PORT: " " })).toEqual({
      ...DEFAULT_CONFIG,
      dataDir: path.resolve(".data/emulator"),
    });
  });

  it("reads every setting", () => {
    expect(
      parseConfig({
        EMULATOR_PORT: "0",
        EMULATOR_HOST: "0.0.0.0",
        EMULATOR_DATA_DIR: "/tmp/x",
        EMULATOR_TIME_SCALE: "2.5",
        EMULATOR_LATENCY_MS: "100",
        EMULATOR_THROTTLE_RATE: "0.1",
        EMULATOR_ERROR_RATE: "1",
        EMULATOR_FAULT_SEED: "42",
        EMULATOR_TRAINING_USERS: "20000",
        EMULATOR_DEMO_JOBS: "0",
        EMULATOR_TICK_MS: "250",
        EMULATOR_LOG_REQUESTS: "1",
        EMULATOR_COMPUTE_QUEUE_MAX: "3",
      }),
    ).toEqual({
      port: 0,
      host: "0.0.0.0",
      dataDir: "/tmp/x",
      timeScale: 2.5,
      latencyMs: 100,
      throttleRate: 0.1,
      errorRate: 1,
      faultSeed: 42,
      trainingUsers: 20_000,
      demoJobs: false,
      tickMs: 250,
      logRequests: true,
      computeQueueMax: 3,
    });
  });

  it.each([
    ["EMULATOR_PORT", "65536", /EMULATOR_PORT must be at most 65535 \(got "65536"\)/],
    ["EMULATOR_PORT", "http", /EMULATOR_PORT must be a number/],
    ["EMULATOR_TIME_SCALE", "0", /EMULATOR_TIME_SCALE must be greater than 0/],
    ["EMULATOR_THROTTLE_RATE", "1.5", /EMULATOR_THROTTLE_RATE must be between 0 and 1/],
    ["EMULATOR_ERROR_RATE", "-0.1", /EMULATOR_ERROR_RATE must be between 0 and 1/],
    ["EMULATOR_LATENCY_MS", "2.5", /EMULATOR_LATENCY_MS must be a whole number/],
    ["EMULATOR_TRAINING_USERS", "999", /EMULATOR_TRAINING_USERS must be at least 1000/],
    ["EMULATOR_LOG_REQUESTS", "yes", /EMULATOR_LOG_REQUESTS must be 1 or 0/],
    ["EMULATOR_COMPUTE_QUEUE_MAX", "0", /EMULATOR_COMPUTE_QUEUE_MAX must be at least 1/],
  ])("fails on %s=%s with a message naming it", (name, value, message) => {
    expect(() => parseConfig({ [name]: value })).toThrow(message);
  });
});
