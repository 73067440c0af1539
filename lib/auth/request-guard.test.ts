import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

import { POST as uploadRoute } from "@/app/api/seeds/upload/route";
import { proxy } from "@/proxy";

import { SEED_UPLOAD_PATH } from "./security-headers";

beforeAll(() => {
  // The local mode: no sign-in, the local service, a loopback address.
  vi.stubEnv("CLEANROOMS_ML_ENDPOINT", "http://127.0.0.1:4750");
  vi.stubEnv("DASHBOARD_BIND_HOST", "127.0.0.1");
});

const ORIGIN = "http://127.0.0.1:3000";
const UPLOAD = `${ORIGIN}${SEED_UPLOAD_PATH}?bucket=seeds&key=a.jsonl&format=jsonl`;

/** A request the proxy and the upload route must both refuse, and how. */
const REFUSED: { what: string; headers: Record<string, string>; status: number }[] = [
  { what: "another origin", headers: { origin: "https://evil.example" }, status: 403 },
  { what: "an opaque origin", headers: { origin: "null" }, status: 403 },
  {
    what: "no Origin, but started by another site",
    headers: { "sec-fetch-site": "cross-site" },
    status: 403,
  },
  {
    what: "no Origin, started by a sibling site",
    headers: { "sec-fetch-site": "same-site" },
    status: 403,
  },
  {
    what: "an Origin matching only the second X-Forwarded-Host",
    headers: { origin: ORIGIN, "x-forwarded-host": "evil.example, 127.0.0.1:3000" },
    status: 403,
  },
  {
    what: "a Host that is not a loopback address",
    headers: { host: "audiences.evil.example" },
    status: 403,
  },
];

function request(
  headers: Record<string, string>,
): [string, { method: string; headers: Record<string, string>; body: string }] {
  return [
    UPLOAD,
    {
      method: "POST",
      headers: { host: "127.0.0.1:3000", "content-type": "application/octet-stream", ...headers },
      body: '{"user_id":"u1"}\n',
    },
  ];
}

/** What a caller sees of an answer: status, body, and every security header but the CSP's nonce. */
async function answer(response: Response) {
  const headers = Object.fromEntries(
    [...response.headers].filter(([name]) =>
      /^(x-frame-options|x-content-type-options|referrer-policy|cross-origin-opener-policy|strict-transport-security|permissions-policy)$/i.test(
        name,
      ),
    ),
  );
  return {
    status: response.status,
    body: await response.json(),
    headers,
    csp: response.headers.has("content-security-policy"),
  };
}

describe("the request guard of the proxy and of the route outside it", () => {
  it.each(REFUSED)("refuses $what the same way in both", async ({ headers, status }) => {
    const viaProxy = await answer(await proxy(new NextRequest(...request(headers))));
    const viaRoute = await answer(await uploadRoute(new Request(...request(headers))));
    expect(viaProxy.status).toBe(status);
    expect(viaRoute).toEqual(viaProxy);
    expect(viaRoute.csp).toBe(true);
  });

  it("says HTTPS only from the first X-Forwarded-Proto, in both", async () => {
    for (const [proto, hsts] of [
      ["https", true],
      ["http, https", false],
      ["https, http", true],
    ] as const) {
      const headers = { origin: "https://evil.example", "x-forwarded-proto": proto };
      const viaProxy = await proxy(new NextRequest(...request(headers)));
      const viaRoute = await uploadRoute(new Request(...request(headers)));
      expect(viaProxy.headers.has("strict-transport-security"), proto).toBe(hsts);
      expect(viaRoute.headers.has("strict-transport-security"), proto).toBe(hsts);
    }
  });

  it("refuses a data read another site started, but not sign-in's or its own", async () => {
    const get = (path: string, site: string) =>
      proxy(
        new NextRequest(`${ORIGIN}${path}`, {
          headers: { host: "127.0.0.1:3000", "sec-fetch-site": site },
        }),
      );
    expect((await get("/api/seeds/preflight?uri=s3://seeds/a.jsonl", "cross-site")).status).toBe(
      403,
    );
    expect((await get("/api/jobs", "same-site")).status).toBe(403);
    expect((await get("/api/seeds/preflight?uri=s3://seeds/a.jsonl", "same-origin")).status).toBe(
      200,
    );
    expect((await get("/api/health", "cross-site")).status).toBe(200);
    expect((await get("/api/auth/callback/oidc?code=x", "cross-site")).status).toBe(200);
    // A link from another site to a page still opens it.
    expect((await get("/", "cross-site")).status).toBe(200);
  });
});
