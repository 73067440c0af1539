import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { DEMO_CONFIGURED_MODELS } from "../emulator/demo/catalog";
import { TAGS_CHANGED_BY_TAG } from "../lib/auth/who";
import { ListTagsForResourceCommand } from "../lib/cleanrooms-ml";
import { LEAK_MARKERS, SPARE_PORTS } from "./oidc/settings";
import { AccountHeader } from "./pages/auth";
import { JobPage } from "./pages/job-page";
import { serviceClient, startJob } from "./service";

/**
 * The run's own build started again (`next start`) with other settings: it
 * refuses to start when nobody would have to sign in, and with a trusted
 * proxy in front it takes the person from the proxy's header.
 */
test.skip(process.env.E2E_DEV === "1", "starts the production build");

const distDir = process.env.E2E_DIST_DIR ?? ".next";
const emulatorUrl = `http://127.0.0.1:${Number(process.env.E2E_EMULATOR_PORT ?? 4751)}`;
const nextBin = path.join("node_modules", "next", "dist", "bin", "next");

/** `next start` as one process (so it can be stopped by its id), with only the settings given. */
function nextStart(
  port: number,
  host: string,
  env: Record<string, string>,
): { child: ChildProcess; output: () => string } {
  const child = spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", host], {
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      NODE_ENV: "production",
      NEXT_DIST_DIR: distDir,
      NEXT_TELEMETRY_DISABLED: "1",
      ...env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

/** Starts the dashboard with `env` and expects it to stop by itself with exit code 1; returns what it printed. */
async function expectRefusal(host: string, env: Record<string, string>): Promise<string> {
  const { child, output } = nextStart(SPARE_PORTS[0], host, env);
  const code = await new Promise<number | null>((resolve) => {
    const timer = setTimeout(() => {
      child.kill("SIGTERM");
      resolve(null);
    }, 30_000);
    child.on("exit", (exitCode) => {
      clearTimeout(timer);
      resolve(exitCode);
    });
  });
  expect(code, output()).toBe(1);
  return output();
}

test("the dashboard refuses to start without sign-in when pointed at AWS or reachable from other machines", async () => {
  test.setTimeout(120_000);
  const aws = await expectRefusal("127.0.0.1", {
    AWS_REGION: "eu-west-1",
    ...pick("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"),
  });
  expect(aws).toContain("Refusing to start without sign-in: it talks to AWS (eu-west-1)");
  expect(aws).toContain("AUTH_OIDC_ISSUER");
  expect(aws).toContain("AUTH_TRUSTED_PROXY_HEADER");
  // The refusal names variables, never their values.
  expect(aws).not.toContain(LEAK_MARKERS.AWS_SECRET_ACCESS_KEY);

  const open = await expectRefusal("0.0.0.0", {
    CLEANROOMS_ML_ENDPOINT: emulatorUrl,
    DASHBOARD_BIND_HOST: "0.0.0.0",
  });
  expect(open).toContain("it listens on 0.0.0.0, which other machines can reach");

  const remote = await expectRefusal("127.0.0.1", {
    CLEANROOMS_ML_ENDPOINT: "http://10.0.0.8:4750",
    DASHBOARD_BIND_HOST: "127.0.0.1",
  });
  expect(remote).toContain("it talks to http://10.0.0.8:4750");

  const halfOidc = await expectRefusal("127.0.0.1", {
    AWS_REGION: "us-east-1",
    AUTH_OIDC_ISSUER: "https://example.okta.com",
  });
  expect(halfOidc).toContain(
    "sign-in with OpenID Connect also needs AUTH_OIDC_CLIENT_ID, AUTH_OIDC_CLIENT_SECRET, AUTH_SECRET, AUTH_URL",
  );

  const noRule = await expectRefusal("0.0.0.0", {
    AWS_REGION: "us-east-1",
    AUTH_OIDC_ISSUER: "https://example.okta.com",
    AUTH_OIDC_CLIENT_ID: "dashboard",
    AUTH_OIDC_CLIENT_SECRET: LEAK_MARKERS.AUTH_OIDC_CLIENT_SECRET,
    AUTH_SECRET: LEAK_MARKERS.AUTH_SECRET,
    AUTH_URL: "https://audiences.example.com",
  });
  expect(noRule).toContain("sign-in needs AUTH_ALLOWED_EMAIL_DOMAINS");
  expect(noRule).not.toContain(LEAK_MARKERS.AUTH_OIDC_CLIENT_SECRET);
  expect(noRule).not.toContain(LEAK_MARKERS.AUTH_SECRET);
});

function pick(...names: (keyof typeof LEAK_MARKERS)[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, LEAK_MARKERS[n]]));
}

test("behind a trusted sign-in proxy, the person comes from its header and nobody else gets in", async ({
  browser,
  request,
}) => {
  test.setTimeout(120_000);
  const port = SPARE_PORTS[1];
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = nextStart(port, "0.0.0.0", {
    CLEANROOMS_ML_ENDPOINT: emulatorUrl,
    AWS_REGION: "us-east-1",
    AUTH_TRUSTED_PROXY_HEADER: "X-Forwarded-Email",
    AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
    AUTH_TRUSTED_PROXY_SIGN_OUT_URL: "/oauth2/sign_out",
  });
  try {
    await expect
      .poll(async () => (await fetch(`${url}/api/health`).catch(() => undefined))?.status, {
        timeout: 60_000,
        message: output(),
      })
      .toBe(200);

    // Without the header (someone reaching the app around the proxy): nothing.
    expect((await request.get(`${url}/`)).status()).toBe(401);
    const route = await request.get(`${url}/api/jobs`);
    expect(route.status()).toBe(401);
    expect(await route.json()).toMatchObject({ error: { code: "Unauthorized" } });
    // A person from another domain: nothing either.
    expect(
      (
        await request.get(`${url}/api/jobs`, {
          headers: { "x-forwarded-email": "mallory@evil.example" },
        })
      ).status(),
    ).toBe(401);
    expect(
      (
        await request.get(`${url}/api/jobs`, {
          headers: { "x-forwarded-email": "alice@example.com" },
        })
      ).status(),
    ).toBe(200);

    // In the browser, as the proxy would send it: the person in the header, and recorded on a tag change.
    const arn = await startJob(serviceClient(), {
      name: "Tagged behind the proxy",
      speed: "failing",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
    });
    const context = await browser.newContext({
      baseURL: url,
      extraHTTPHeaders: { "x-forwarded-email": "alice@example.com" },
    });
    const page = await context.newPage();
    const job = new JobPage(page);
    await job.goto(arn);
    const header = new AccountHeader(page);
    await expect(header.person).toHaveText("alice@example.com");
    await expect(page.getByRole("link", { name: "Sign out" })).toHaveAttribute(
      "href",
      "/oauth2/sign_out",
    );
    await job.tags.getByRole("button", { name: "Edit tags" }).click();
    await job.tags.getByRole("button", { name: "Add tag" }).click();
    await job.tags.getByRole("textbox", { name: "Tag 1 Key" }).fill("team");
    await job.tags.getByRole("button", { name: "Save tags" }).click();
    await expect(job.tags.getByText("Tags saved.")).toBeVisible();
    const { tags } = await serviceClient().send(
      new ListTagsForResourceCommand({ resourceArn: arn }),
    );
    expect(tags).toEqual({ team: "", [TAGS_CHANGED_BY_TAG]: "alice@example.com" });
    await context.close();
  } finally {
    child.kill("SIGTERM");
  }
});
