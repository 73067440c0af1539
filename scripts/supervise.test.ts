import { spawn } from "node:child_process";
import { afterEach, describe, expect, it, vi } from "vitest";

// @ts-expect-error: a plain ES module of the start script, without types.
import { supervise } from "./supervise.mjs";

interface Supervised {
  child: ReturnType<typeof spawn>;
  restarts: number;
  stop: () => void;
}

/** A real process: `exits` makes it stop at once, as a crashed local service does. */
const node = (exits: boolean) =>
  spawn(process.execPath, ["-e", exits ? "process.exit(3)" : "setInterval(() => {}, 1000)"]);

let running: Supervised | undefined;
afterEach(() => running?.stop());

describe("the local service under npm start", () => {
  it("is started again when it stops, and the pause says so", async () => {
    const log = vi.fn();
    let launches = 0;
    running = supervise({
      name: "The local Clean Rooms ML service",
      start: () => node(++launches === 1),
      log,
      sleep: async () => undefined,
    }) as Supervised;
    await vi.waitFor(() => expect(running!.restarts).toBe(1));
    expect(running.child.exitCode).toBeNull();
    expect(log.mock.calls.flat().join(" ")).toMatch(
      /stopped \(exit code 3\)\. The dashboard stays up and shows the outage; starting the service again in 1 s/,
    );
  });

  it("gives up after repeated quick failures and says how to start it by hand", async () => {
    const onGiveUp = vi.fn();
    running = supervise({
      name: "The service",
      start: () => node(true),
      log: () => undefined,
      onGiveUp,
      maxQuickRestarts: 2,
      sleep: async () => undefined,
    }) as Supervised;
    await vi.waitFor(() => expect(onGiveUp).toHaveBeenCalledOnce());
    expect(running.restarts).toBe(2);
  });

  it("is not started again once stopped on purpose", async () => {
    const start = vi.fn(() => node(false));
    const supervised = supervise({
      name: "x",
      start,
      log: () => undefined,
      sleep: async () => undefined,
    }) as Supervised;
    running = supervised;
    const child = supervised.child;
    supervised.stop();
    await new Promise((resolve) => child.on("exit", resolve));
    expect(start).toHaveBeenCalledOnce();
  });
});
