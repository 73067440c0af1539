/**
 * The read cache on its own: coalescing, expiry by what an answer holds,
 * invalidation, refreshes the person asked for, and answers from the cache
 * while the service throttles. The service is a counting stand-in here; the
 * routes and actions against a real local service are in routes.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ThrottlingException } from "@/lib/cleanrooms-ml";

import { canonicalJson, READ_TTL_MS, ReadCache, readScope, type ReadOperation } from "./cache";

const ARN = "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/abc";
const GET: ReadOperation = "GetAudienceGenerationJob";

/** A stand-in service call: counts calls, answers what `answer` says, after `settle()` when held. */
function service(answer: () => unknown) {
  let calls = 0;
  let hold: Promise<void> | undefined;
  let release: () => void = () => {};
  return {
    get calls() {
      return calls;
    },
    holdNext() {
      hold = new Promise((resolve) => (release = resolve));
    },
    settle: () => release(),
    load: async () => {
      calls++;
      // The service reads when the call arrives; a held call answers later with what it read then.
      const value = answer();
      if (hold) {
        const held = hold;
        hold = undefined;
        await held;
      }
      if (value instanceof Error) throw value;
      return structuredClone(value);
    },
  };
}

function jobRead(cache: ReadCache, load: () => Promise<unknown>, fresh = false) {
  return cache.read({
    operation: GET,
    input: { audienceGenerationJobArn: ARN },
    scopes: [readScope.job(ARN)],
    load,
    fresh,
  });
}

function listRead(cache: ReadCache, load: () => Promise<unknown>) {
  return cache.read({
    operation: "ListAudienceGenerationJobs",
    input: {},
    scopes: [readScope.jobsList],
    load,
  });
}

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(1_700_000_000_000);
});
afterEach(() => vi.useRealTimers());

describe("coalescing", () => {
  it("concurrent identical reads share one call to the service", async () => {
    const job = { status: "CREATE_IN_PROGRESS", name: "a" };
    const svc = service(() => job);
    const cache = new ReadCache();
    svc.holdNext();
    const reads = Array.from({ length: 50 }, () => jobRead(cache, svc.load));
    svc.settle();
    const answers = await Promise.all(reads);
    expect(svc.calls).toBe(1);
    expect(new Set(answers.map((a) => a.etag)).size).toBe(1);
    expect(answers[0]!.data).toEqual(job);
  });

  it("different inputs, operations or AWS identities never share", async () => {
    let identity = "local us-east-1 AKIA1";
    const cache = new ReadCache({ identity: async () => identity });
    const svc = service(() => ({ status: "ACTIVE" }));
    await jobRead(cache, svc.load);
    await cache.read({
      operation: GET,
      input: { audienceGenerationJobArn: `${ARN}x` },
      scopes: [readScope.job(`${ARN}x`)],
      load: svc.load,
    });
    await cache.read({
      operation: "GetConfiguredAudienceModel",
      input: { configuredAudienceModelArn: ARN },
      scopes: [readScope.models],
      load: svc.load,
    });
    identity = "local us-east-1 AKIA2";
    await jobRead(cache, svc.load);
    expect(svc.calls).toBe(4);
  });

  it("keys by canonical input: member order and undefined members do not matter", () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: undefined, b: [3, { y: 1, x: 2 }] } })).toBe(
      canonicalJson({ a: { b: [3, { x: 2, y: 1 }], d: 2 }, b: 1 }),
    );
  });

  it("a failed call is shared by its waiters and not kept", async () => {
    let fail = true;
    const svc = service(() =>
      fail
        ? Object.assign(new Error("gone"), { name: "ResourceNotFoundException" })
        : { status: "ACTIVE" },
    );
    const cache = new ReadCache();
    svc.holdNext();
    const reads = [jobRead(cache, svc.load), jobRead(cache, svc.load)];
    svc.settle();
    for (const read of reads) await expect(read).rejects.toThrow("gone");
    expect(svc.calls).toBe(1);
    fail = false;
    await expect(jobRead(cache, svc.load)).resolves.toMatchObject({ data: { status: "ACTIVE" } });
    expect(svc.calls).toBe(2);
  });
});

describe("expiry by status", () => {
  it("a job in flight is served for about a second, a final job for longer", async () => {
    let status = "CREATE_IN_PROGRESS";
    const svc = service(() => ({ status }));
    const cache = new ReadCache();

    await jobRead(cache, svc.load);
    vi.advanceTimersByTime(READ_TTL_MS.jobInFlight - 1);
    await jobRead(cache, svc.load);
    expect(svc.calls).toBe(1);
    vi.advanceTimersByTime(1);
    status = "ACTIVE";
    const read = await jobRead(cache, svc.load);
    expect(svc.calls).toBe(2);
    expect(read.data).toEqual({ status: "ACTIVE" });
    expect(read.readAt).toBe(Date.now());

    vi.advanceTimersByTime(READ_TTL_MS.jobFinal - 1);
    await jobRead(cache, svc.load);
    expect(svc.calls).toBe(2);
    vi.advanceTimersByTime(1);
    await jobRead(cache, svc.load);
    expect(svc.calls).toBe(3);
    expect(READ_TTL_MS.jobInFlight).toBeLessThanOrEqual(1_000);
    expect(READ_TTL_MS.jobFinal).toBeGreaterThan(READ_TTL_MS.jobInFlight);
  });

  it("a list page lives shorter while any of its jobs is in flight; exports likewise", async () => {
    const cache = new ReadCache();
    let jobs = [{ status: "ACTIVE" }, { status: "CREATE_PENDING" }];
    const list = service(() => ({ audienceGenerationJobs: jobs }));
    const readList = () => listRead(cache, list.load);
    await readList();
    vi.advanceTimersByTime(READ_TTL_MS.jobsListInFlight);
    jobs = [{ status: "ACTIVE" }, { status: "ACTIVE" }];
    await readList();
    expect(list.calls).toBe(2);
    vi.advanceTimersByTime(READ_TTL_MS.jobsListSettled - 1);
    await readList();
    expect(list.calls).toBe(2);

    let exports = [{ status: "CREATE_IN_PROGRESS" }];
    const ex = service(() => exports);
    const readExports = () =>
      cache.read({
        operation: "ListAudienceExportJobs",
        input: { audienceGenerationJobArn: ARN },
        scopes: [readScope.exports(ARN)],
        load: ex.load,
      });
    await readExports();
    vi.advanceTimersByTime(READ_TTL_MS.exportsInFlight);
    exports = [{ status: "ACTIVE" }];
    await readExports();
    vi.advanceTimersByTime(READ_TTL_MS.exportsSettled - 1);
    await readExports();
    expect(ex.calls).toBe(2);
  });
});

describe("refresh and invalidation", () => {
  it("a refresh the person asked for skips a fresh entry, and its answer serves the others", async () => {
    let name = "before";
    const svc = service(() => ({ status: "ACTIVE", name }));
    const cache = new ReadCache();
    await jobRead(cache, svc.load);
    name = "after";
    expect((await jobRead(cache, svc.load)).data).toMatchObject({ name: "before" });
    expect((await jobRead(cache, svc.load, true)).data).toMatchObject({ name: "after" });
    expect((await jobRead(cache, svc.load)).data).toMatchObject({ name: "after" });
    expect(svc.calls).toBe(2);
  });

  it("a read the person asked for joins a call under way rather than starting another", async () => {
    const svc = service(() => ({ status: "ACTIVE" }));
    const cache = new ReadCache();
    svc.holdNext();
    const poll = jobRead(cache, svc.load);
    const opened = jobRead(cache, svc.load, true);
    svc.settle();
    expect((await opened).etag).toBe((await poll).etag);
    expect(svc.calls).toBe(1);
  });

  it("invalidating a scope drops its entries and leaves the others", async () => {
    const svc = service(() => ({ status: "ACTIVE" }));
    const cache = new ReadCache();
    await jobRead(cache, svc.load);
    const list = service(() => ({ audienceGenerationJobs: [] }));
    const readList = () => listRead(cache, list.load);
    await readList();

    cache.invalidate(readScope.jobsList);
    await jobRead(cache, svc.load);
    await readList();
    expect([svc.calls, list.calls]).toEqual([1, 2]);

    cache.invalidate(readScope.job(ARN));
    await jobRead(cache, svc.load);
    await readList();
    expect([svc.calls, list.calls]).toEqual([2, 2]);
  });

  it("an answer read while a write changed it is served to its caller but not kept", async () => {
    let tags = { team: "a" };
    const svc = service(() => ({ status: "ACTIVE", tags }));
    const cache = new ReadCache();
    svc.holdNext();
    const during = jobRead(cache, svc.load);
    await vi.waitFor(() => expect(svc.calls).toBe(1));
    tags = { team: "b" };
    cache.invalidate(readScope.job(ARN));
    svc.settle();
    expect((await during).data).toMatchObject({ tags: { team: "a" } });
    // The next read asks the service again rather than serving what was read before the write.
    expect((await jobRead(cache, svc.load)).data).toMatchObject({ tags: { team: "b" } });
    expect(svc.calls).toBe(2);
  });

  it("a read after a write does not join a call that started before it", async () => {
    let tags = { team: "a" };
    const svc = service(() => ({ status: "ACTIVE", tags }));
    const cache = new ReadCache();
    svc.holdNext();
    const during = jobRead(cache, svc.load);
    await vi.waitFor(() => expect(svc.calls).toBe(1));
    tags = { team: "b" };
    cache.invalidate(readScope.job(ARN));
    const after = jobRead(cache, svc.load);
    svc.settle();
    expect((await during).data).toMatchObject({ tags: { team: "a" } });
    expect((await after).data).toMatchObject({ tags: { team: "b" } });
  });
});

describe("while the service throttles", () => {
  it("reads are answered from the entry, however old, without a call, and say how old it is", async () => {
    let throttling = false;
    const svc = service(() =>
      throttling
        ? new ThrottlingException({ message: "Rate exceeded", $metadata: {} })
        : { status: "CREATE_IN_PROGRESS" },
    );
    let backingOff = false;
    const cache = new ReadCache({ isBackingOff: () => backingOff });
    const first = await jobRead(cache, svc.load);

    vi.advanceTimersByTime(5_000);
    backingOff = true;
    const during = await jobRead(cache, svc.load);
    expect(svc.calls).toBe(1);
    expect(during.readAt).toBe(first.readAt);
    // Even a refresh the person asked for: older data beats an error they did not cause.
    expect((await jobRead(cache, svc.load, true)).readAt).toBe(first.readAt);
    expect(svc.calls).toBe(1);

    // The back-off has let a call go and the service throttles it anyway: still the entry.
    backingOff = false;
    throttling = true;
    expect((await jobRead(cache, svc.load)).readAt).toBe(first.readAt);
    expect(svc.calls).toBe(2);
  });

  it("with nothing cached, a throttled read loads once: the client's retries are the only layer", async () => {
    const always = service(
      () => new ThrottlingException({ message: "Rate exceeded", $metadata: {} }),
    );
    const cache = new ReadCache();
    await expect(
      cache.read({
        operation: "GetConfiguredAudienceModel",
        input: {},
        scopes: [],
        load: always.load,
      }),
    ).rejects.toBeInstanceOf(ThrottlingException);
    expect(always.calls).toBe(1);
  });
});
