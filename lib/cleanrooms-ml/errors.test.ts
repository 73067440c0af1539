/** Error responses through real HTTP: type → class, `$fault`, `$metadata`, odd bodies. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  AccessDeniedException,
  CleanRoomsMLServiceException,
  ConflictException,
  GetAudienceGenerationJobCommand,
  InternalServerException,
  ResourceNotFoundException,
  ServiceQuotaExceededException,
  StartAudienceGenerationJobCommand,
  ThrottlingException,
  ValidationException,
  type CleanRoomsMLClient,
} from "./index";
import { CONFIGURED_MODEL_ARN, JOB_ARN, ROLE_ARN, testClient } from "./testing/fixtures";
import {
  startLoopbackServer,
  type CannedResponse,
  type LoopbackServer,
} from "./testing/loopback-server";

let server: LoopbackServer;
let client: CleanRoomsMLClient;

beforeAll(async () => {
  server = await startLoopbackServer();
  // One attempt, so even retryable errors surface as they arrive.
  client = testClient(server.url, { maxAttempts: 1 });
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

async function failure(
  response: CannedResponse,
  on: CleanRoomsMLClient = client,
): Promise<CleanRoomsMLServiceException> {
  server.respond(response);
  const error = await on
    .send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  expect(error).toBeInstanceOf(CleanRoomsMLServiceException);
  return error as CleanRoomsMLServiceException;
}

describe("modelled errors, typed by the x-amzn-errortype header", () => {
  const cases = [
    { type: "ValidationException", status: 400, Class: ValidationException },
    { type: "ConflictException", status: 409, Class: ConflictException },
    { type: "ResourceNotFoundException", status: 404, Class: ResourceNotFoundException },
    { type: "AccessDeniedException", status: 403, Class: AccessDeniedException },
    { type: "ThrottlingException", status: 429, Class: ThrottlingException },
    { type: "ServiceQuotaExceededException", status: 402, Class: ServiceQuotaExceededException },
  ] as const;

  for (const { type, status, Class } of cases) {
    it(`${type} (HTTP ${status})`, async () => {
      const error = await failure({
        status,
        headers: { "x-amzn-errortype": type, "x-amzn-requestid": `req-${status}` },
        body: { message: `${type} happened` },
      });
      expect(error).toBeInstanceOf(Class);
      expect(error.name).toBe(type);
      expect(error.message).toBe(`${type} happened`);
      expect(error.$fault).toBe("client");
      expect(error.$metadata).toEqual({
        httpStatusCode: status,
        requestId: `req-${status}`,
        attempts: 1,
        totalRetryDelay: 0,
      });
      expect(server.requests).toHaveLength(1);
    });
  }

  it("ServiceQuotaExceededException carries quotaName and quotaValue", async () => {
    server.respond({
      status: 402,
      headers: { "x-amzn-errortype": "ServiceQuotaExceededException" },
      body: {
        message: "too many jobs",
        quotaName: "Concurrent audience generation jobs",
        quotaValue: 5,
      },
    });
    const error = await client
      .send(
        new StartAudienceGenerationJobCommand({
          name: "n",
          configuredAudienceModelArn: CONFIGURED_MODEL_ARN,
          seedAudience: { roleArn: ROLE_ARN },
        }),
      )
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ServiceQuotaExceededException);
    expect(error).toMatchObject({
      quotaName: "Concurrent audience generation jobs",
      quotaValue: 5,
      message: "too many jobs",
    });
  });

  it("strips the `:…` suffix AWS may append to the header", async () => {
    const error = await failure({
      status: 400,
      headers: {
        "x-amzn-errortype":
          "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
      },
      body: { message: "bad name" },
    });
    expect(error).toBeInstanceOf(ValidationException);
    expect(error.name).toBe("ValidationException");
  });
});

describe("error type from the body", () => {
  it("reads __type and strips its namespace", async () => {
    const error = await failure({
      status: 404,
      body: { __type: "com.amazonaws.cleanroomsml#ResourceNotFoundException", message: "no job" },
    });
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toBe("no job");
  });

  it("reads code, and Message with a capital M", async () => {
    const error = await failure({
      status: 409,
      body: { code: "ConflictException", Message: "job is being deleted" },
    });
    expect(error).toBeInstanceOf(ConflictException);
    expect(error.message).toBe("job is being deleted");
  });

  it("prefers the header over the body", async () => {
    const error = await failure({
      status: 403,
      headers: { "x-amzn-errortype": "AccessDeniedException" },
      body: { __type: "ValidationException", message: "m" },
    });
    expect(error).toBeInstanceOf(AccessDeniedException);
  });

  it("derives the type from the status when neither names one", async () => {
    const error = await failure({ status: 404, body: { message: "gone" } });
    expect(error).toBeInstanceOf(ResourceNotFoundException);
    expect(error.message).toBe("gone");
  });
});

describe("unknown and unreadable errors", () => {
  it("an unknown type arrives as CleanRoomsMLServiceException named after it", async () => {
    const error = await failure({
      status: 400,
      headers: { "x-amzn-errortype": "BrandNewException", "x-amzn-requestid": "req-new" },
      body: { message: "something new" },
    });
    expect(error.constructor).toBe(CleanRoomsMLServiceException);
    expect(error.name).toBe("BrandNewException");
    expect(error.message).toBe("something new");
    expect(error.$fault).toBe("client");
    expect(error.$metadata).toMatchObject({
      httpStatusCode: 400,
      requestId: "req-new",
      attempts: 1,
    });
  });

  it("an unknown type on a 5xx is a server fault", async () => {
    const error = await failure({
      status: 501,
      headers: { "x-amzn-errortype": "NotImplemented" },
      body: { message: "nope" },
    });
    expect(error.name).toBe("NotImplemented");
    expect(error.$fault).toBe("server");
  });

  it("a proxy's HTML page becomes an error naming the status with a short excerpt", async () => {
    const html = `<!DOCTYPE html><html><head><title>502 Bad Gateway</title><style>body{color:red}</style></head>
      <body><h1>Bad Gateway</h1><p>${"The upstream server is unreachable. ".repeat(40)}</p></body></html>`;
    const error = await failure({
      status: 502,
      headers: { "content-type": "text/html" },
      body: html,
    });
    expect(error).toBeInstanceOf(InternalServerException);
    expect(error.$fault).toBe("server");
    expect(error.message).toContain("HTTP 502");
    expect(error.message).toContain("502 Bad Gateway");
    expect(error.message).not.toContain("<");
    expect(error.message.length).toBeLessThan(300);
    expect(error.$metadata.httpStatusCode).toBe(502);
  });

  it("an HTML page without a title is excerpted from its text", async () => {
    const error = await failure({
      status: 403,
      body: "<html><body><h1>Forbidden</h1> by corporate proxy</body></html>",
    });
    expect(error).toBeInstanceOf(AccessDeniedException);
    expect(error.message).toBe(
      'HTTP 403 Forbidden with a non-JSON body: "Forbidden by corporate proxy"',
    );
  });

  it("an empty body becomes an error naming the status", async () => {
    const error = await failure({ status: 503 });
    expect(error).toBeInstanceOf(InternalServerException);
    expect(error.message).toBe("HTTP 503 Service Unavailable with an empty body");
  });

  it("a JSON body without a message still says what happened", async () => {
    const error = await failure({
      status: 400,
      headers: { "x-amzn-errortype": "ValidationException" },
      body: {},
    });
    expect(error.message).toBe("ValidationException (HTTP 400 Bad Request)");
  });

  it("a 2xx body that is not JSON is a clear error, not a SyntaxError", async () => {
    server.respond({ status: 200, body: "<html>captive portal</html>" });
    const error = await client
      .send(new GetAudienceGenerationJobCommand({ audienceGenerationJobArn: JOB_ARN }))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("ResponseParseError");
    expect((error as Error).message).toContain("GetAudienceGenerationJob");
    expect((error as Error).message).toContain("captive portal");
  });

  it("a throttling error after all attempts reports how many were made", async () => {
    const retrying = testClient(server.url, { maxAttempts: 3 });
    const error = await failure({ status: 429, body: { message: "slow down" } }, retrying);
    expect(error).toBeInstanceOf(ThrottlingException);
    expect(error.$metadata.attempts).toBe(3);
    expect(server.requests).toHaveLength(3);
  });
});
