import { spawn } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { E2E_DIST_DIR, E2E_EMULATOR_URL } from "./env";
import { AUTH_APP_URL, SPARE_PORTS } from "./oidc/settings";

/**
 * The second security pass, against the production build: the proxy's
 * exclusion is exactly the upload route, next-auth never sees a callbackUrl
 * it cannot read, another site cannot start a seed check, and the bind
 * address is what the server really binds.
 */

test("paths that merely start like the upload route get the proxy's headers and checks", async ({
  request,
  baseURL,
}) => {
  for (const path of [
    "/api/seeds/uploadx",
    "/api/seeds/upload.rsc",
    "/api/seeds/upload%2F..",
    "/api/seeds/upload;x",
  ]) {
    const answer = await request.get(`${baseURL}${path}`, {
      headers: { host: "audiences.evil.example" },
      maxRedirects: 0,
    });
    // The proxy ran: its headers are there (a skipped proxy left them out).
    expect(answer.headers()["content-security-policy"], path).toContain("frame-ancestors 'none'");
    expect(answer.headers()["x-frame-options"], path).toBe("DENY");
    expect(await answer.text(), path).not.toContain(E2E_EMULATOR_URL);
  }
});

test("the upload route refuses another site's request exactly as the proxy does", async ({
  request,
  baseURL,
}) => {
  const headers = { "sec-fetch-site": "cross-site", "content-type": "application/octet-stream" };
  const upload = await request.post(
    `${baseURL}/api/seeds/upload?bucket=demo-seeds&key=x.jsonl&format=jsonl`,
    { headers, data: '{"user_id":"u1"}\n' },
  );
  const proxied = await request.post(`${baseURL}/api/jobs`, { headers, data: "{}" });
  expect(upload.status()).toBe(403);
  expect(await upload.json()).toEqual(await proxied.json());
});

test("another site's page cannot start a seed check (a no-cors GET)", async ({
  request,
  baseURL,
}) => {
  const preflight = `${baseURL}/api/seeds/preflight?uri=${encodeURIComponent("s3://demo-seeds/sports-fans.jsonl")}`;
  const foreign = await request.get(preflight, { headers: { "sec-fetch-site": "cross-site" } });
  expect(foreign.status()).toBe(403);
  const own = await request.get(preflight, { headers: { "sec-fetch-site": "same-origin" } });
  expect(own.status()).toBe(200);
});

test("next-auth answers a callbackUrl that is not a URL without an error", async ({ request }) => {
  for (const callbackUrl of ["x", "http://", "javascript:alert(1)"]) {
    const answer = await request.get(
      `${AUTH_APP_URL}/api/auth/session?callbackUrl=${encodeURIComponent(callbackUrl)}`,
    );
    expect(answer.status(), callbackUrl).toBe(200);
    expect(await answer.text(), callbackUrl).not.toMatch(/Error|at \w+ \(/);
  }
});

test("DASHBOARD_BIND_HOST cannot say loopback while the server listens everywhere", async () => {
  test.skip(process.env.E2E_DEV === "1", "starts the production build");
  test.setTimeout(90_000);
  const child = spawn(
    process.execPath,
    [
      path.join("node_modules", "next", "dist", "bin", "next"),
      "start",
      "-p",
      String(SPARE_PORTS[1]),
      "-H",
      "0.0.0.0",
    ],
    {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? "",
        NODE_ENV: "production",
        NEXT_DIST_DIR: E2E_DIST_DIR,
        NEXT_TELEMETRY_DISABLED: "1",
        CLEANROOMS_ML_ENDPOINT: E2E_EMULATOR_URL,
        AWS_REGION: "us-east-1",
        DASHBOARD_BIND_HOST: "127.0.0.1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      resolve(null);
    }, 60_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code, output).toBe(1);
  expect(output).toContain(
    "DASHBOARD_BIND_HOST=127.0.0.1 but the server was started with -H 0.0.0.0",
  );
});
