import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { expect, test } from "@playwright/test";

import { DEMO_CONFIGURED_MODELS } from "../emulator/demo/catalog";
import { ListTagsForResourceCommand } from "../lib/cleanrooms-ml";
import { TAGS_CHANGED_BY_TAG } from "../lib/schemas/dashboard-tags";
import {
  startKeyServer,
  TEST_ALB_ARN,
  TEST_IAP_AUDIENCE,
  type KeyServer,
} from "../test/proxy-assertions";
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

  // A trusted proxy's header with nothing to prove the proxy sent it, on an address others reach.
  const unproven = await expectRefusal("0.0.0.0", {
    CLEANROOMS_ML_ENDPOINT: emulatorUrl,
    AWS_REGION: "us-east-1",
    AUTH_TRUSTED_PROXY_HEADER: "X-Forwarded-Email",
    DASHBOARD_BIND_HOST: "0.0.0.0",
  });
  expect(unproven).toContain(
    "Refusing to start behind a trusted proxy without proof that requests came through it: it listens on 0.0.0.0",
  );
  for (const setting of [
    "AUTH_TRUSTED_PROXY_SECRET",
    "AUTH_TRUSTED_PROXY_ALB_ARN",
    "AUTH_TRUSTED_PROXY_IAP_AUDIENCE",
  ]) {
    expect(unproven).toContain(setting);
  }
  expect(noRule).not.toContain(LEAK_MARKERS.AUTH_OIDC_CLIENT_SECRET);
  expect(noRule).not.toContain(LEAK_MARKERS.AUTH_SECRET);
});

function pick(...names: (keyof typeof LEAK_MARKERS)[]): Record<string, string> {
  return Object.fromEntries(names.map((n) => [n, LEAK_MARKERS[n]]));
}

/** The shared secret the proxy adds in these specs (as oauth2-proxy would with --pass-header/inject). */
const PROXY_SECRET = "e2e-proxy-secret-0123456789abcdefghij";

/** `next start` on the spare port with these settings, waited for; stop() waits for it to exit. */
async function startDashboard(env: Record<string, string>, host = "0.0.0.0") {
  const port = SPARE_PORTS[1];
  const url = `http://127.0.0.1:${port}`;
  const { child, output } = nextStart(port, host, {
    CLEANROOMS_ML_ENDPOINT: emulatorUrl,
    AWS_REGION: "us-east-1",
    DASHBOARD_BIND_HOST: host,
    ...env,
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await expect
    .poll(async () => (await fetch(`${url}/api/health`).catch(() => undefined))?.status, {
      timeout: 60_000,
      message: output(),
    })
    .toBe(200);
  return {
    url,
    output,
    stop: async () => {
      child.kill("SIGTERM");
      await exited;
    },
  };
}

/** The status of GET `path` with these headers (appended in order, so one may come twice). */
async function statusWith(url: string, headers: [string, string][]): Promise<number> {
  const sent = new Headers();
  for (const [name, value] of headers) sent.append(name, value);
  return (await fetch(url, { headers: sent })).status;
}

test("behind a trusted sign-in proxy, the person comes from its header only with the proxy's secret", async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const app = await startDashboard({
    AUTH_TRUSTED_PROXY_HEADER: "X-Forwarded-Email",
    AUTH_TRUSTED_PROXY_SECRET: PROXY_SECRET,
    AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
    AUTH_TRUSTED_PROXY_SIGN_OUT_URL: "/oauth2/sign_out",
  });
  try {
    const jobs = `${app.url}/api/jobs`;
    const secret: [string, string] = ["x-dashboard-proxy-secret", PROXY_SECRET];
    // Without the header (someone reaching the app around the proxy): nothing.
    expect(await statusWith(`${app.url}/`, [secret])).toBe(401);
    const route = await fetch(jobs, { headers: [secret] });
    expect(route.status).toBe(401);
    expect(await route.json()).toMatchObject({ error: { code: "Unauthorized" } });
    // The header without the proxy's secret, or with a wrong one: anyone could send that.
    expect(await statusWith(jobs, [["x-forwarded-email", "ceo@example.com"]])).toBe(401);
    expect(
      await statusWith(jobs, [
        ["x-forwarded-email", "ceo@example.com"],
        ["x-dashboard-proxy-secret", PROXY_SECRET.slice(0, -1) + "x"],
      ]),
    ).toBe(401);
    // A person from another domain: nothing either.
    expect(await statusWith(jobs, [secret, ["x-forwarded-email", "mallory@evil.example"]])).toBe(
      401,
    );
    // The header sent twice (a client's forged one before the proxy's): refused, not "forged, real".
    expect(
      await statusWith(jobs, [
        secret,
        ["x-forwarded-email", "ceo@example.com"],
        ["x-forwarded-email", "alice@example.com"],
      ]),
    ).toBe(401);
    expect(await statusWith(jobs, [secret, ["x-forwarded-email", "alice@example.com"]])).toBe(200);

    // In the browser, as the proxy would send it: the person in the header, and recorded on a tag change.
    const arn = await startJob(serviceClient(), {
      name: "Tagged behind the proxy",
      speed: "failing",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
    });
    const context = await browser.newContext({
      baseURL: app.url,
      extraHTTPHeaders: {
        "x-forwarded-email": "alice@example.com",
        "x-dashboard-proxy-secret": PROXY_SECRET,
      },
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
    await app.stop();
  }
});

test("behind an AWS load balancer or Google IAP, the person comes from the verified signed assertion", async () => {
  test.setTimeout(120_000);
  let keys: KeyServer | undefined;
  try {
    keys = await startKeyServer();
    const alb = await startDashboard({
      AUTH_TRUSTED_PROXY_ALB_ARN: TEST_ALB_ARN,
      AUTH_TRUSTED_PROXY_ALB_KEYS_URL: keys.albKeysUrl,
      AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
    });
    try {
      const jobs = `${alb.url}/api/jobs`;
      const valid = await keys.albAssertion({
        sub: "1",
        email: "alice@example.com",
        email_verified: true,
      });
      expect(await statusWith(jobs, [["x-amzn-oidc-data", valid]])).toBe(200);
      // The same address, not verified by the identity provider: the domain rule does not count it.
      for (const email_verified of [false, "false", undefined]) {
        const unverified = await keys.albAssertion({
          sub: "1",
          email: "alice@example.com",
          email_verified,
        });
        expect(
          await statusWith(jobs, [["x-amzn-oidc-data", unverified]]),
          String(email_verified),
        ).toBe(401);
      }
      // The ALB's plain identity headers are what anyone can send: they prove nothing.
      expect(
        await statusWith(jobs, [
          ["x-amzn-oidc-identity", "ceo@example.com"],
          ["x-forwarded-email", "ceo@example.com"],
        ]),
      ).toBe(401);
      // Another load balancer's assertion, one signed with another key, an expired one, one sent twice.
      const claims = { sub: "2", email: "ceo@example.com" };
      for (const [what, token] of [
        [
          "another signer",
          await keys.albAssertion(claims, { signer: TEST_ALB_ARN.replace("audiences", "other") }),
        ],
        ["another key", await keys.albAssertion(claims, { key: "stranger" })],
        [
          "expired",
          await keys.albAssertion(claims, { expiresAt: Math.floor(Date.now() / 1000) - 600 }),
        ],
      ] as const) {
        expect(await statusWith(jobs, [["x-amzn-oidc-data", token]]), what).toBe(401);
      }
      expect(
        await statusWith(jobs, [
          ["x-amzn-oidc-data", valid],
          ["x-amzn-oidc-data", valid],
        ]),
      ).toBe(401);
      // The page names the person in the token, not one in a header beside it.
      const page = await fetch(`${alb.url}/`, {
        headers: { "x-amzn-oidc-data": valid, "x-amzn-oidc-identity": "ceo@example.com" },
      });
      expect(page.status).toBe(200);
      const html = await page.text();
      expect(html).toContain("alice@example.com");
      expect(html).not.toContain("ceo@example.com");
    } finally {
      await alb.stop();
    }

    const iap = await startDashboard({
      AUTH_TRUSTED_PROXY_IAP_AUDIENCE: TEST_IAP_AUDIENCE,
      AUTH_TRUSTED_PROXY_IAP_JWKS_URL: keys.iapJwksUrl,
    });
    try {
      const jobs = `${iap.url}/api/jobs`;
      const claims = { sub: "accounts.google.com:1", email: "alice@example.com" };
      expect(
        await statusWith(jobs, [["x-goog-iap-jwt-assertion", await keys.iapAssertion(claims)]]),
      ).toBe(200);
      expect(
        await statusWith(jobs, [
          ["x-goog-authenticated-user-email", "accounts.google.com:ceo@example.com"],
        ]),
      ).toBe(401);
      for (const token of [
        await keys.iapAssertion(claims, { audience: "/projects/1/global/backendServices/2" }),
        await keys.iapAssertion(claims, { issuer: "https://evil.example" }),
        await keys.iapAssertion(claims, { key: "stranger" }),
      ]) {
        expect(await statusWith(jobs, [["x-goog-iap-jwt-assertion", token]])).toBe(401);
      }
    } finally {
      await iap.stop();
    }
  } finally {
    await keys?.close();
  }
});

test("a server action POST to /sign-in is answered without an error in the server's log", async () => {
  test.setTimeout(90_000);
  const app = await startDashboard(
    {
      AUTH_OIDC_ISSUER: "http://127.0.0.1:9/unused",
      AUTH_OIDC_CLIENT_ID: "dashboard",
      AUTH_OIDC_CLIENT_SECRET: LEAK_MARKERS.AUTH_OIDC_CLIENT_SECRET,
      AUTH_SECRET: LEAK_MARKERS.AUTH_SECRET,
      AUTH_URL: `http://127.0.0.1:${SPARE_PORTS[1]}`,
      AUTH_ALLOWED_EMAIL_DOMAINS: "example.com",
    },
    "127.0.0.1",
  );
  try {
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${app.url}/sign-in`, {
        method: "POST",
        headers: {
          "next-action": "7f00000000000000000000000000000000000000aa",
          "content-type": "text/plain;charset=UTF-8",
          origin: app.url,
        },
        body: "[]",
        redirect: "manual",
      });
      expect(response.status).toBe(405);
    }
    await new Promise((r) => setTimeout(r, 500));
    expect(app.output()).not.toMatch(/uncaught|aborted|Error/i);
  } finally {
    await app.stop();
  }
});
