/**
 * The shared back-off: with fake timers, and through the client against a
 * loopback server that answers ThrottlingException.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { BACKOFF_MAX_SPACING_MS, BACKOFF_MIN_SPACING_MS, OperationBackoff } from "./backoff";
import { GetAudienceGenerationJobCommand, ThrottlingException } from "./index";
import { JOB_ARN, testClient } from "./testing/fixtures";
import { startLoopbackServer, type LoopbackServer } from "./testing/loopback-server";

const GET = "GetAudienceGenerationJob";
const LIST = "ListAudienceGenerationJobs";

describe("OperationBackoff (fake timers)", () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  /** Enters the gate and records when each caller got through. */
  function enterAll(gate: OperationBackoff, operation: string, count: number) {
    const through: number[] = [];
    const all = Array.from({ length: count }, () =>
      gate.enter(operation).then(() => through.push(Date.now() - 1_000_000)),
    );
    return { through, all: Promise.all(all) };
  }

  it("lets every call through at once while the service has not throttled", async () => {
    const gate = new OperationBackoff();
    const { through, all } = enterAll(gate, GET, 5);
    await all;
    expect(through).toEqual([0, 0, 0, 0, 0]);
    expect(gate.isWaiting(GET)).toBe(false);
  });

  it("after a throttle, every call of that operation waits, and they go one per spacing, not all at once", async () => {
    const gate = new OperationBackoff();
    gate.throttled(GET);
    expect(gate.isWaiting(GET)).toBe(true);
    expect(gate.spacingOf(GET)).toBe(BACKOFF_MIN_SPACING_MS);

    const { through, all } = enterAll(gate, GET, 3);
    await vi.advanceTimersByTimeAsync(BACKOFF_MIN_SPACING_MS - 1);
    expect(through).toEqual([]);
    await vi.advanceTimersByTimeAsync(3 * BACKOFF_MIN_SPACING_MS);
    await all;
    expect(through).toEqual([
      BACKOFF_MIN_SPACING_MS,
      2 * BACKOFF_MIN_SPACING_MS,
      3 * BACKOFF_MIN_SPACING_MS,
    ]);
  });

  it("leaves other operations alone", async () => {
    const gate = new OperationBackoff();
    gate.throttled(GET);
    expect(gate.isWaiting(LIST)).toBe(false);
    const { through, all } = enterAll(gate, LIST, 2);
    await all;
    expect(through).toEqual([0, 0]);
  });

  it("doubles the spacing on each throttle up to the maximum, halves it on each answer, then runs free", async () => {
    const gate = new OperationBackoff();
    const spacings: number[] = [];
    for (let i = 0; i < 8; i++) {
      gate.throttled(GET);
      spacings.push(gate.spacingOf(GET));
    }
    expect(spacings[0]).toBe(BACKOFF_MIN_SPACING_MS);
    expect(spacings[1]).toBe(2 * BACKOFF_MIN_SPACING_MS);
    expect(Math.max(...spacings)).toBe(BACKOFF_MAX_SPACING_MS);
    expect(spacings.at(-1)).toBe(BACKOFF_MAX_SPACING_MS);

    const halved: number[] = [];
    while (gate.spacingOf(GET) > 0) {
      gate.answered(GET);
      halved.push(gate.spacingOf(GET));
    }
    for (let i = 0; i < halved.length - 1; i++) {
      expect(halved[i]).toBe((i === 0 ? BACKOFF_MAX_SPACING_MS : halved[i - 1]!) / 2);
      expect(halved[i]).toBeGreaterThanOrEqual(BACKOFF_MIN_SPACING_MS);
    }
    expect(halved.at(-1)).toBe(0);
    // The slots already handed out still hold; after them, calls go at once again.
    await vi.advanceTimersByTimeAsync(BACKOFF_MAX_SPACING_MS);
    expect(gate.isWaiting(GET)).toBe(false);
    const { through, all } = enterAll(gate, GET, 3);
    await all;
    expect(through.every((t) => t === through[0])).toBe(true);
  });

  it("an aborted wait rejects at once and the others keep their turn", async () => {
    const gate = new OperationBackoff();
    gate.throttled(GET);
    const controller = new AbortController();
    const aborted = gate.enter(GET, controller.signal);
    const rejected = expect(aborted).rejects.toMatchObject({ name: "AbortError" });
    controller.abort();
    await rejected;
  });
});

describe("the client and a shared back-off", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopbackServer();
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.requests.length = 0;
  });

  const THROTTLED = {
    status: 429,
    headers: { "x-amzn-errortype": "ThrottlingException" },
    body: { message: "slow down" },
  };
  const JOB = {
    createTime: "2024-03-01T10:00:00Z",
    updateTime: "2024-03-01T10:00:00Z",
    audienceGenerationJobArn: JOB_ARN,
    name: "job",
    status: "ACTIVE",
    configuredAudienceModelArn:
      "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/x",
  };
  const getJob = () => new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN });

  it("a throttled answer makes the next call of the operation wait for the shared slot, whoever makes it", async () => {
    const waits: { operation: string }[] = [];
    const gate = new OperationBackoff({
      // Record the waits the gate asks for instead of sleeping them.
      sleep: async () => {
        waits.push({ operation: GET });
      },
    });
    const one = testClient(server.url, { backoff: gate, maxAttempts: 1 });
    const other = testClient(server.url, { backoff: gate, maxAttempts: 1 });

    server.respond([THROTTLED]);
    await expect(one.send(getJob())).rejects.toBeInstanceOf(ThrottlingException);
    expect(gate.isWaiting(GET)).toBe(true);

    server.respond([{ status: 200, body: JOB }]);
    await expect(other.send(getJob())).resolves.toMatchObject({ name: "job" });
    expect(waits).toHaveLength(1);
    expect(server.requests).toHaveLength(2);
    // The answer halves the spacing: below the minimum, the operation runs free again.
    expect(gate.spacingOf(GET)).toBe(0);
  });

  it("a client retry after a throttle goes through the same gate", async () => {
    const delays: number[] = [];
    let now = 0;
    const gate = new OperationBackoff({
      now: () => now,
      sleep: async (ms) => {
        delays.push(ms);
        now += ms;
      },
    });
    const client = testClient(server.url, { backoff: gate, maxAttempts: 3 });
    server.respond([THROTTLED, THROTTLED, { status: 200, body: JOB }]);
    await expect(client.send(getJob())).resolves.toMatchObject({ name: "job" });
    expect(delays).toEqual([BACKOFF_MIN_SPACING_MS, 2 * BACKOFF_MIN_SPACING_MS]);
  });
});
