import os from "node:os";
import path from "node:path";
import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    alias: {
      "@": path.resolve(import.meta.dirname),
      // `server-only` throws outside a React Server bundle; tests import server code directly.
      "server-only": path.resolve(import.meta.dirname, "test/empty-module.ts"),
    },
  },
  test: {
    include: [
      "lib/**/*.test.{ts,tsx}",
      "emulator/**/*.test.{ts,tsx}",
      "components/**/*.test.{ts,tsx}",
      "app/**/*.test.{ts,tsx}",
      "bench/**/*.test.{ts,tsx}",
      "scripts/**/*.test.{ts,mts}",
    ],
    environment: "node",
    // Vitest's default is one worker fewer than the cores: a single worker on a two-core machine
    // like CI's. Most of the suite waits on local servers rather than computing, so one worker per
    // core runs it in a little over half the time there (142 s instead of 248 s).
    maxWorkers: os.availableParallelism(),
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
