/**
 * Retries, backoff, timeouts and aborts through real HTTP. Sleeps are
 * injected and recorded, never slept; nothing asserts on elapsed time.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  GetAudienceGenerationJobCommand,
  InternalServerException,
  ListAudienceGenerationJobsCommand,
  TagResourceCommand,
  ThrottlingException,
  ValidationException,
  type AwsCredentialIdentity,
} from "./index";
import { backoffDelay, BASE_DELAY_MS, isRetryableError, MAX_BACKOFF_MS, sleep } from "./retry";
import { JOB_ARN, recordingSleep, SECRET_ACCESS_KEY, testClient } from "./testing/fixtures";
import {
  startLoopbackServer,
  type CannedResponse,
  type LoopbackServer,
} from "./testing/loopback-server";
import { parseAuthorization } from "./testing/sigv4-verifier";

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const JOB = {
  createTime: "2024-03-01T10:00:00Z",
  updateTime: "2024-03-01T10:00:00Z",
  audienceGenerationJobArn: JOB_ARN,
  name: "job",
  status: "ACTIVE",
  configuredAudienceModelArn:
    "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/x",
};
const OK: CannedResponse = { status: 200, body: JOB };
const THROTTLED: CannedResponse = {
  status: 429,
  headers: { "x-amzn-errortype": "ThrottlingException" },
  body: { message: "slow down" },
};
const getJob = () => new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN });

describe("retried failures", () => {
  it("throttled twice then answered: succeeds on the 3rd attempt", async () => {
    server.respond([THROTTLED, THROTTLED, OK]);
    const { delays, sleep: recorded } = recordingSleep();
    const client = testClient(server.url, { sleep: recorded, random: () => 0.5 });

    const output = await client.send(getJob());

    expect(output.name).toBe("job");
    expect(server.requests).toHaveLength(3);
    expect(output.$metadata.attempts).toBe(3);
    expect(delays).toEqual([50, 100]);
    expect(output.$metadata.totalRetryDelay).toBe(150);
  });

  it("a 500 then success: 2 attempts", async () => {
    server.respond([{ status: 500, body: { message: "oops" } }, OK]);
    const output = await testClient(server.url).send(getJob());
    expect(output.$metadata.attempts).toBe(2);
    expect(server.requests).toHaveLength(2);
  });

  it.each([502, 503, 504])("HTTP %i is retried", async (status) => {
    server.respond([{ status, body: "<html><title>upstream</title></html>" }, OK]);
    const output = await testClient(server.url).send(getJob());
    expect(output.$metadata.attempts).toBe(2);
  });

  it.each(["TooManyRequestsException", "RequestLimitExceeded"])(
    "%s (HTTP 400) counts as throttling",
    async (type) => {
      server.respond([
        { status: 400, headers: { "x-amzn-errortype": type }, body: { message: "m" } },
        OK,
      ]);
      const output = await testClient(server.url).send(getJob());
      expect(output.$metadata.attempts).toBe(2);
    },
  );

  it("a dropped connection is retried", async () => {
    server.respond([{ destroy: true }, OK]);
    const output = await testClient(server.url).send(getJob());
    expect(output.$metadata.attempts).toBe(2);
  });

  it("an unreachable endpoint fails after maxAttempts with a NetworkingError naming the URL", async () => {
    const closed = await startLoopbackServer();
    const url = closed.url;
    await closed.close();
    const { delays, sleep: recorded } = recordingSleep();

    const error = await testClient(url, { maxAttempts: 4, sleep: recorded })
      .send(getJob())
      .catch((e: unknown) => e);

    expect(error).toMatchObject({ name: "NetworkingError", $metadata: { attempts: 4 } });
    expect(error).toBeInstanceOf(TypeError);
    expect((error as Error).message).toMatch(/^fetch failed: .*ECONNREFUSED/);
    expect((error as Error).message).toContain(url);
    expect(delays).toHaveLength(3);
  });

  it("each attempt is signed afresh", async () => {
    server.respond([THROTTLED, OK]);
    const keys = ["AKIDFIRST", "AKIDSECOND"];
    let calls = 0;
    const credentials = async (): Promise<AwsCredentialIdentity> => ({
      accessKeyId: keys[Math.min(calls++, keys.length - 1)] ?? "",
      secretAccessKey: SECRET_ACCESS_KEY,
    });
    await testClient(server.url, { credentials }).send(getJob());
    expect(
      server.requests.map((r) => parseAuthorization(r.headers.authorization)?.accessKeyId),
    ).toEqual(keys);
  });

  it("a POST is retried with the same body", async () => {
    server.respond([{ status: 503 }, { status: 200, body: {} }]);
    await testClient(server.url).send(
      new TagResourceCommand({ resourceArn: JOB_ARN, tags: { a: "1" } }),
    );
    expect(server.requests.map((r) => r.body)).toEqual([
      '{"tags":{"a":"1"}}',
      '{"tags":{"a":"1"}}',
    ]);
  });
});

describe("failures that are not retried", () => {
  const cases: [string, number][] = [
    ["ValidationException", 400],
    ["ConflictException", 409],
    ["ResourceNotFoundException", 404],
    ["AccessDeniedException", 403],
    ["ServiceQuotaExceededException", 402],
  ];
  it.each(cases)("%s is tried once", async (type, status) => {
    server.respond([{ status, headers: { "x-amzn-errortype": type }, body: { message: "m" } }, OK]);
    const { delays, sleep: recorded } = recordingSleep();
    const error = await testClient(server.url, { sleep: recorded })
      .send(getJob())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: type, $metadata: { attempts: 1, httpStatusCode: status } });
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("HTTP 501 is not retried", async () => {
    server.respond([{ status: 501, body: { message: "no" } }, OK]);
    await expect(testClient(server.url).send(getJob())).rejects.toBeInstanceOf(
      InternalServerException,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("a validation error stays a ValidationException", async () => {
    server.respond({
      status: 400,
      headers: { "x-amzn-errortype": "ValidationException" },
      body: { message: "bad" },
    });
    await expect(testClient(server.url).send(getJob())).rejects.toBeInstanceOf(ValidationException);
  });
});

describe("maxAttempts and backoff", () => {
  it("stops after maxAttempts and throws the last error with its metadata", async () => {
    server.respond(THROTTLED);
    const { delays, sleep: recorded } = recordingSleep();
    const error = await testClient(server.url, {
      maxAttempts: 5,
      sleep: recorded,
      random: () => 0.25,
    })
      .send(getJob())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(server.requests).toHaveLength(5);
    expect(delays).toEqual([25, 50, 100, 200]);
    expect((error as ThrottlingException).$metadata).toMatchObject({
      attempts: 5,
      totalRetryDelay: 375,
      httpStatusCode: 429,
    });
  });

  it("maxAttempts 1 means no retry", async () => {
    server.respond(THROTTLED);
    await expect(testClient(server.url, { maxAttempts: 1 }).send(getJob())).rejects.toBeInstanceOf(
      ThrottlingException,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("the default is 3 attempts", async () => {
    server.respond(THROTTLED);
    await expect(testClient(server.url).send(getJob())).rejects.toBeInstanceOf(ThrottlingException);
    expect(server.requests).toHaveLength(3);
  });

  it("delays stay within full-jitter bounds: [0, min(20 s, 100 ms · 2^n))", async () => {
    server.respond(THROTTLED);
    const { delays, sleep: recorded } = recordingSleep();
    const randoms = [
      0.999999, 0, 0.999999, 0.5, 0.999999, 0.999999, 0.999999, 0.999999, 0.999999, 0.999999,
    ];
    let next = 0;
    await testClient(server.url, {
      maxAttempts: 11,
      sleep: recorded,
      random: () => randoms[next++] ?? 0,
    })
      .send(getJob())
      .catch(() => undefined);

    expect(delays).toHaveLength(10);
    delays.forEach((delay, n) => {
      expect(delay).toBeGreaterThanOrEqual(0);
      expect(delay).toBeLessThan(Math.min(MAX_BACKOFF_MS, BASE_DELAY_MS * 2 ** n));
    });
    expect(delays).toEqual([99, 0, 399, 400, 1599, 3199, 6399, 12799, 19999, 19999]);
  });

  it("backoffDelay caps the ceiling at 20 s", () => {
    expect(backoffDelay(30, () => 0.999999)).toBe(19999);
    expect(backoffDelay(0, () => 0)).toBe(0);
  });

  it("rejects nonsensical options", async () => {
    expect(() => testClient(server.url, { maxAttempts: 0 })).toThrow(RangeError);
    expect(() => testClient(server.url, { requestTimeout: -1 })).toThrow(RangeError);
  });
});

describe("request timeout", () => {
  it("a hung attempt times out, is retried, and the call fails with TimeoutError", async () => {
    server.respond({ hang: true });
    const { delays, sleep: recorded } = recordingSleep();
    const error = await testClient(server.url, {
      requestTimeout: 100,
      maxAttempts: 2,
      sleep: recorded,
    })
      .send(getJob())
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "TimeoutError", $metadata: { attempts: 2 } });
    expect((error as Error).message).toContain("100 ms");
    expect(server.requests).toHaveLength(2);
    expect(delays).toHaveLength(1);
  });

  it("a hung attempt then an answer succeeds", async () => {
    server.respond([{ hang: true }, OK]);
    const output = await testClient(server.url, { requestTimeout: 100 }).send(getJob());
    expect(output.$metadata.attempts).toBe(2);
  });

  it("a timeout is retryable, a caller's abort is not", () => {
    expect(isRetryableError(Object.assign(new Error("t"), { name: "TimeoutError" }))).toBe(true);
    expect(isRetryableError(Object.assign(new Error("a"), { name: "AbortError" }))).toBe(false);
  });
});

describe("abort", () => {
  it("an already aborted signal sends nothing", async () => {
    const controller = new AbortController();
    controller.abort();
    const error = await testClient(server.url)
      .send(getJob(), { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(server.requests).toHaveLength(0);
  });

  it("aborting during a request stops at once, with no further attempt", async () => {
    const controller = new AbortController();
    server.respond(() => {
      controller.abort();
      return { hang: true };
    });
    const { delays, sleep: recorded } = recordingSleep();
    const error = await testClient(server.url, { sleep: recorded, requestTimeout: 0 })
      .send(getJob(), { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(server.requests).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("aborting during the backoff sleep stops at once, even if the sleep ignores the signal", async () => {
    server.respond(THROTTLED);
    const controller = new AbortController();
    let sleeps = 0;
    const neverWakes = () => {
      sleeps += 1;
      setImmediate(() => controller.abort());
      return new Promise<void>(() => {});
    };
    const error = await testClient(server.url, { sleep: neverWakes, maxAttempts: 5 })
      .send(getJob(), { abortSignal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "AbortError" });
    expect(sleeps).toBe(1);
    expect(server.requests).toHaveLength(1);
  });

  it("the built-in sleep wakes with AbortError when aborted", async () => {
    const controller = new AbortController();
    const waiting = sleep(600_000, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ name: "AbortError" });
  });
});

describe("list calls retry too", () => {
  it("keeps the query on every attempt", async () => {
    server.respond([THROTTLED, { status: 200, body: { audienceGenerationJobs: [] } }]);
    await testClient(server.url).send(new ListAudienceGenerationJobsCommand({ maxResults: 7 }));
    expect(server.requests.map((r) => r.url)).toEqual([
      "/audience-generation-job?maxResults=7",
      "/audience-generation-job?maxResults=7",
    ]);
  });
});
