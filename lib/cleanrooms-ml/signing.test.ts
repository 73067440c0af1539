/**
 * SigV4 on the wire, checked against an independent implementation of the
 * algorithm, and where credentials and the region come from.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import {
  CleanRoomsMLClient,
  GetAudienceGenerationJobCommand,
  ListAudienceGenerationJobsCommand,
  StartAudienceExportJobCommand,
  UntagResourceCommand,
} from "./index";
import { defaultEndpoint } from "./protocol";
import { ACCESS_KEY_ID, JOB_ARN, REGION, SECRET_ACCESS_KEY, testClient } from "./testing/fixtures";
import {
  startLoopbackServer,
  type LoopbackServer,
  type RecordedRequest,
} from "./testing/loopback-server";
import { expectedSignature, parseAuthorization } from "./testing/sigv4-verifier";

let server: LoopbackServer;

beforeAll(async () => {
  server = await startLoopbackServer({ status: 200, body: {} });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function lastRequest(): RecordedRequest {
  const request = server.requests.at(-1);
  if (!request) throw new Error("no request received");
  return request;
}

describe("Authorization header", () => {
  it("is AWS4-HMAC-SHA256 with the cleanrooms-ml scope and signs host and x-amz-date", async () => {
    await testClient(server.url)
      .send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
      .catch(() => undefined);
    const request = lastRequest();
    const amzDate = String(request.headers["x-amz-date"]);
    expect(amzDate).toMatch(/^\d{8}T\d{6}Z$/);

    const header = String(request.headers.authorization);
    expect(header).toMatch(
      new RegExp(
        `^AWS4-HMAC-SHA256 Credential=${ACCESS_KEY_ID}/${amzDate.slice(0, 8)}/${REGION}/cleanrooms-ml/aws4_request, `,
      ),
    );
    const auth = parseAuthorization(header);
    expect(auth?.signedHeaders).toEqual(expect.arrayContaining(["host", "x-amz-date"]));
    expect(auth?.signedHeaders).toEqual([...(auth?.signedHeaders ?? [])].sort());
  });

  const requests = [
    [
      "a GET with an ARN in the path",
      new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }),
    ],
    [
      "a GET with a query string",
      new ListAudienceGenerationJobsCommand({ maxResults: 5, nextToken: "a b/c+d=e" }),
    ],
    [
      "a DELETE with a repeated query parameter",
      new UntagResourceCommand({ resourceArn: JOB_ARN, tagKeys: ["z", "a", "m m"] }),
    ],
    [
      "a POST with a JSON body",
      new StartAudienceExportJobCommand({
        name: "é export",
        audienceGenerationJobArn: JOB_ARN,
        audienceSize: { type: "ABSOLUTE", value: 1000 },
      }),
    ],
  ] as const;

  it.each(requests)("verifies for %s, as received by the server", async (_label, command) => {
    await testClient(server.url)
      .send(command as GetAudienceGenerationJobCommand)
      .catch(() => undefined);
    const request = lastRequest();
    expect(request.headers.host).toBe(new URL(server.url).host);
    expect(parseAuthorization(request.headers.authorization)?.signature).toBe(
      expectedSignature(request, SECRET_ACCESS_KEY),
    );
  });

  it("does not verify with another secret (the check can fail)", async () => {
    await testClient(server.url)
      .send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
      .catch(() => undefined);
    const request = lastRequest();
    expect(parseAuthorization(request.headers.authorization)?.signature).not.toBe(
      expectedSignature(request, "another-secret"),
    );
  });

  it("sends and signs a session token", async () => {
    const client = testClient(server.url, {
      credentials: {
        accessKeyId: "ASIATEMP",
        secretAccessKey: SECRET_ACCESS_KEY,
        sessionToken: "session-token-value",
      },
    });
    await client
      .send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
      .catch(() => undefined);
    const request = lastRequest();
    expect(request.headers["x-amz-security-token"]).toBe("session-token-value");
    const auth = parseAuthorization(request.headers.authorization);
    expect(auth?.accessKeyId).toBe("ASIATEMP");
    expect(auth?.signedHeaders).toContain("x-amz-security-token");
    expect(auth?.signature).toBe(expectedSignature(request, SECRET_ACCESS_KEY));
  });

  it("uses the configured region in the scope", async () => {
    await testClient(server.url, { region: "eu-west-2" })
      .send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
      .catch(() => undefined);
    expect(parseAuthorization(lastRequest().headers.authorization)?.region).toBe("eu-west-2");
  });
});

describe("credentials and region", () => {
  it("a provider function is called when signing", async () => {
    const provider = vi.fn(async () => ({
      accessKeyId: "AKIDPROVIDED",
      secretAccessKey: SECRET_ACCESS_KEY,
    }));
    const client = testClient(server.url, { credentials: provider });
    expect(provider).not.toHaveBeenCalled();
    await client
      .send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
      .catch(() => undefined);
    expect(provider).toHaveBeenCalled();
    expect(parseAuthorization(lastRequest().headers.authorization)?.accessKeyId).toBe(
      "AKIDPROVIDED",
    );
  });

  it("without credentials, the standard chain is used (here: environment variables)", async () => {
    vi.stubEnv("AWS_ACCESS_KEY_ID", "AKIDFROMENV");
    vi.stubEnv("AWS_SECRET_ACCESS_KEY", SECRET_ACCESS_KEY);
    vi.stubEnv("AWS_SESSION_TOKEN", "");
    const client = new CleanRoomsMLClient({ region: REGION, endpoint: server.url, maxAttempts: 1 });
    await client
      .send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
      .catch(() => undefined);
    const request = lastRequest();
    expect(parseAuthorization(request.headers.authorization)?.accessKeyId).toBe("AKIDFROMENV");
    expect(parseAuthorization(request.headers.authorization)?.signature).toBe(
      expectedSignature(request, SECRET_ACCESS_KEY),
    );
  });

  it("constructing a client with no region, endpoint or credentials does not throw", () => {
    vi.stubEnv("AWS_REGION", "");
    vi.stubEnv("AWS_DEFAULT_REGION", "");
    expect(() => new CleanRoomsMLClient()).not.toThrow();
  });

  it("sending without any region rejects with a message saying how to fix it", async () => {
    vi.stubEnv("AWS_REGION", "");
    vi.stubEnv("AWS_DEFAULT_REGION", "");
    const client = new CleanRoomsMLClient({
      credentials: { accessKeyId: "a", secretAccessKey: "b" },
    });
    await expect(
      client.send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN })),
    ).rejects.toThrow(/region/i);
  });

  it("the region falls back to AWS_REGION", () => {
    vi.stubEnv("AWS_REGION", "ap-southeast-2");
    expect(new CleanRoomsMLClient().config.region).toBe("ap-southeast-2");
  });

  it("the default endpoint is the regional cleanrooms-ml host", () => {
    expect(defaultEndpoint("eu-central-1")).toBe(
      "https://cleanrooms-ml.eu-central-1.amazonaws.com",
    );
  });

  it("an endpoint that is not http(s) is refused when the client is made", () => {
    expect(() => new CleanRoomsMLClient({ region: REGION, endpoint: "ftp://example.com" })).toThrow(
      /http/,
    );
  });
});
