import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { DEMO_CONFIGURED_MODELS, DEMO_JOB_ARNS } from "./demo/catalog";
import { startTestEmulator, type TestEmulator } from "./testing";

/** A raw request, so Host and Origin can be anything a browser or a rebound DNS name would send. */
function raw(
  url: string,
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; type: string | undefined; message: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${path}`, { method, headers }, (res) => {
      let text = "";
      res.on("data", (chunk: Buffer) => (text += chunk.toString()));
      res.on("end", () =>
        resolve({
          status: res.statusCode ?? 0,
          type: res.headers["x-amzn-errortype"] as string | undefined,
          message: text ? ((JSON.parse(text) as { message?: string }).message ?? "") : "",
        }),
      );
    });
    req.on("error", reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

const enc = encodeURIComponent;

describe("who the local service answers", () => {
  let emulator: TestEmulator;
  beforeAll(async () => {
    emulator = await startTestEmulator({ timeScale: 100 });
  });
  afterAll(() => emulator.close());

  const jobPath = `/audience-generation-job/${enc(DEMO_JOB_ARNS.randomBaseline)}`;
  const timeScale = JSON.stringify({ timeScale: 7 });

  it("answers loopback host names, as the CLI, SDKs and dashboard address it", async () => {
    const port = emulator.port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, "127.0.0.1"]) {
      expect(
        (await raw(emulator.url, "GET", "/configured-audience-model", { host })).status,
        host,
      ).toBe(200);
    }
    // A page on this machine (a loopback origin) may call it.
    expect(
      (await raw(emulator.url, "GET", "/_emulator/time-scale", { origin: `http://localhost:3000` }))
        .status,
    ).toBe(200);
  });

  it("refuses a rebound DNS name, for the API and the controls alike, and changes nothing", async () => {
    for (const [method, path, body] of [
      ["GET", "/audience-generation-job", undefined],
      ["DELETE", jobPath, undefined],
      ["PUT", "/_emulator/time-scale", timeScale],
      ["GET", "/_emulator/time-scale", undefined],
    ] as const) {
      const reply = await raw(
        emulator.url,
        method,
        path,
        { host: `rebound.evil.example:${emulator.port}`, "content-type": "application/json" },
        body,
      );
      expect(reply.status, `${method} ${path}`).toBe(403);
      expect(reply.type).toBe("AccessDeniedException");
      expect(reply.message).toMatch(/only requests addressed to this machine/);
    }
    expect((await emulator.call("GET", "/_emulator/time-scale")).json).toEqual({ timeScale: 100 });
    expect((await emulator.call("GET", jobPath)).json.status).toBe("ACTIVE");
  });

  it("refuses a page of another site, even addressed to 127.0.0.1, and changes nothing", async () => {
    for (const origin of ["https://evil.example", "null", "http://127.0.0.1.evil.example"]) {
      for (const [method, path, body] of [
        ["DELETE", jobPath, undefined],
        ["PUT", "/_emulator/time-scale", timeScale],
        ["POST", `/tags/${enc(DEMO_CONFIGURED_MODELS.retailPercentage.arn)}`, '{"tags":{"x":"y"}}'],
      ] as const) {
        const reply = await raw(
          emulator.url,
          method,
          path,
          { origin, "content-type": "application/json" },
          body,
        );
        expect(reply.status, `${origin} ${method} ${path}`).toBe(403);
        expect(reply.message).toMatch(/does not answer web pages of other sites/);
      }
    }
    expect((await emulator.call("GET", "/_emulator/time-scale")).json).toEqual({ timeScale: 100 });
    expect((await emulator.call("GET", jobPath)).json.status).toBe("ACTIVE");
    const tags = await emulator.call(
      "GET",
      `/tags/${enc(DEMO_CONFIGURED_MODELS.retailPercentage.arn)}`,
    );
    expect(tags.json.tags).not.toHaveProperty("x");
  });

  it("takes bodies only as JSON, the type the AWS clients send, on the API and the controls", async () => {
    for (const type of [
      undefined,
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const headers: Record<string, string> = type ? { "content-type": type } : {};
      const put = await raw(emulator.url, "PUT", "/_emulator/time-scale", headers, timeScale);
      expect(put.status, String(type)).toBe(400);
      expect(put.type).toBe("SerializationException");
      expect(put.message).toMatch(/application\/json/);
      const tag = await raw(
        emulator.url,
        "POST",
        `/tags/${enc(DEMO_CONFIGURED_MODELS.retailPercentage.arn)}`,
        headers,
        '{"tags":{"x":"y"}}',
      );
      expect(tag.status, String(type)).toBe(400);
    }
    expect((await emulator.call("GET", "/_emulator/time-scale")).json).toEqual({ timeScale: 100 });
  });

  it("keeps the count limit on SQL parameters that the schemas state", async () => {
    const parameters = Object.fromEntries(Array.from({ length: 30_000 }, (_, i) => [`p${i}`, "v"]));
    const reply = await emulator.call("POST", "/audience-generation-job", {
      name: "Too many parameters",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      seedAudience: {
        roleArn: "arn:aws:iam::111122223333:role/CleanRoomsMLSeedReader",
        sqlParameters: { queryString: "SELECT user_id FROM customers", parameters },
      },
    });
    expect(reply.status).toBe(400);
    expect(reply.json.message).toMatch(/At most 50 SQL parameters are allowed/);
  });
});
