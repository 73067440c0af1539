import { randomUUID } from "node:crypto";
import http from "node:http";
import { expect, test, type APIResponse, type Page } from "@playwright/test";

import { DEMO_CONFIGURED_MODELS, DEMO_JOB_ARNS } from "../emulator/demo/catalog";
import { ListTagsForResourceCommand } from "../lib/cleanrooms-ml";
import { jobPath } from "../lib/job-url";
import { AUTH_APP_URL } from "./oidc/settings";
import { recordNextAction, replayAction } from "./pages/auth";
import { JobFormPage } from "./pages/job-form";
import { JobPage } from "./pages/job-page";
import { JobsListPage } from "./pages/jobs-list";
import { serviceClient, startJob } from "./service";

/** Security headers, the script policy in a real browser, cross-origin writes and rebound host names. */

const dev = process.env.E2E_DEV === "1";

/** The directives of a Content-Security-Policy header, by name. */
function directives(csp: string | undefined): Record<string, string[]> {
  return Object.fromEntries(
    (csp ?? "")
      .split(";")
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function expectStaticHeaders(response: APIResponse, what: string) {
  const headers = response.headers();
  expect(headers["x-content-type-options"], what).toBe("nosniff");
  expect(headers["referrer-policy"], what).toBe("same-origin");
  expect(headers["x-frame-options"], what).toBe("DENY");
  expect(directives(headers["content-security-policy"])["frame-ancestors"], what).toEqual([
    "'none'",
  ]);
  expect(headers["strict-transport-security"], `${what} over http`).toBeUndefined();
}

/** The page policy: scripts only with this response's nonce, nothing inline without it, no framing, no plugins. */
function expectPagePolicy(response: APIResponse, what: string): string {
  const csp = directives(response.headers()["content-security-policy"]);
  const scripts = csp["script-src"] ?? [];
  const nonce = scripts.find((s) => s.startsWith("'nonce-"))?.slice(7, -1);
  expect(nonce, what).toMatch(/^[A-Za-z0-9+/]{20,}={0,2}$/);
  expect(scripts, what).toContain("'strict-dynamic'");
  expect(scripts, what).not.toContain("'unsafe-inline'");
  if (!dev) expect(scripts, what).not.toContain("'unsafe-eval'");
  expect(csp["object-src"], what).toEqual(["'none'"]);
  expect(csp["base-uri"], what).toEqual(["'self'"]);
  expect(csp["default-src"], what).toEqual(["'self'"]);
  return nonce!;
}

test("every response carries the security headers, and every page script the response's nonce", async ({
  request,
}) => {
  const job = await request.get(jobPath(DEMO_JOB_ARNS.sportsFans));
  expect(job.status()).toBe(200);
  const html = await job.text();
  const nonce = expectPagePolicy(job, "job page");
  expectStaticHeaders(job, "job page");
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(3);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);

  // A new nonce for every response.
  const again = await request.get("/");
  expect(expectPagePolicy(again, "list")).not.toBe(nonce);

  // Routes, errors, static files.
  const staticFile = /src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(staticFile).toBeDefined();
  for (const path of [
    "/api/jobs",
    "/api/health",
    "/api/job?arn=nope",
    "/no-such-page",
    staticFile!,
    // A public file, served outside proxy.ts.
    "/favicon.svg",
  ]) {
    const response = await request.get(path);
    expectStaticHeaders(response, path);
  }

  // HSTS once served over HTTPS (behind a load balancer that says so).
  for (const path of ["/", "/api/jobs", staticFile!, "/favicon.svg"]) {
    const https = await request.get(path, { headers: { "x-forwarded-proto": "https" } });
    expect(https.headers()["strict-transport-security"], path).toMatch(
      /^max-age=\d{8}; includeSubDomains$/,
    );
  }
  const upgraded = await request.get("/", { headers: { "x-forwarded-proto": "https" } });
  expect(directives(upgraded.headers()["content-security-policy"])).toHaveProperty(
    "upgrade-insecure-requests",
  );

  // The app with sign-in: its redirect, its 401 and its sign-in page too.
  const redirect = await request.get(`${AUTH_APP_URL}/`, { maxRedirects: 0 });
  expect(redirect.status()).toBe(307);
  expectStaticHeaders(redirect, "redirect to sign-in");
  const unauthorized = await request.get(`${AUTH_APP_URL}/api/jobs`);
  expect(unauthorized.status()).toBe(401);
  expectStaticHeaders(unauthorized, "401");
  const signIn = await request.get(`${AUTH_APP_URL}/sign-in`);
  expectPagePolicy(signIn, "sign-in page");
  expectStaticHeaders(signIn, "sign-in page");
});

/** Collects the page's Content-Security-Policy violations and console errors from now on. */
function watchPolicy(page: Page) {
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy|Refused to/i.test(message.text())) {
      problems.push(message.text());
    }
  });
  page.on("pageerror", (error) => problems.push(error.message));
  return problems;
}

test("under the policy every page still hydrates and works, with no violation", async ({
  page,
}) => {
  const problems = watchPolicy(page);
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      console.error(
        `Refused to load: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}:${e.columnNumber} at ${location.pathname}`,
      );
    });
  });

  // The list: a filter works (React handles the event).
  const list = new JobsListPage(page);
  await list.goto();
  await list.statusFilter("Failed").check();
  await expect(page).toHaveURL((url) => url.searchParams.has("status"));

  // The job page: the chart (its lazy chunk) draws.
  const job = new JobPage(page);
  await job.goto(DEMO_JOB_ARNS.sportsFans);
  await expect(job.relevance.locator(".recharts-wrapper")).toBeVisible({ timeout: 20_000 });

  // The form: choosing a model shows its facts.
  const form = new JobFormPage(page);
  await form.goto();
  await form.chooseModel(DEMO_CONFIGURED_MODELS.retailAbsolute.name);

  // Sign-in, on the app with sign-in on.
  await page.goto(`${AUTH_APP_URL}/sign-in`);
  await expect(page.getByRole("button", { name: /Sign in with/ })).toBeEnabled();

  expect(problems).toEqual([]);
});

async function tagsOf(arn: string) {
  return (
    (await serviceClient().send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {}
  );
}

test("a server action posted from another site is refused and changes nothing", async ({
  page,
  baseURL,
}) => {
  const arn = await startJob(serviceClient(), {
    name: `Cross-origin target ${randomUUID().slice(0, 8)}`,
    speed: "failing",
    configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
    tags: { team: "growth" },
  });
  // A real action call from the dashboard's own page, recorded.
  const job = new JobPage(page);
  await job.goto(arn);
  await job.tags.getByRole("button", { name: "Edit tags" }).click();
  await job.tags.getByRole("textbox", { name: "Tag 1 Value" }).fill("mine");
  const recorded = recordNextAction(page);
  await job.tags.getByRole("button", { name: "Save tags" }).click();
  const action = await recorded;
  await expect(job.tags.getByText("Tags saved.")).toBeVisible();
  expect(await tagsOf(arn)).toEqual({ team: "mine" });

  // The same call from another origin: refused before the action runs.
  const foreign = await replayAction(action, {
    origin: "http://evil.example",
    body: action.body.replace('"mine"', '"evil"'),
  });
  expect(foreign.status).toBe(403);
  expect(await foreign.json()).toMatchObject({ error: { code: "CrossOriginRequest" } });
  const sandboxed = await replayAction(action, {
    origin: "null",
    body: action.body.replace('"mine"', '"evil"'),
  });
  expect(sandboxed.status).toBe(403);
  expect(await tagsOf(arn)).toEqual({ team: "mine" });

  // The same call from the dashboard's origin does run: the refusal was about the origin alone.
  const own = await replayAction(action, {
    origin: baseURL!,
    body: action.body.replace('"mine"', '"again"'),
  });
  expect(own.status).toBe(200);
  expect(await tagsOf(arn)).toEqual({ team: "again" });
});

/** A GET with a Host header of our choosing (what a rebound DNS name sends). */
function getWithHost(url: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
  });
}

test("without sign-in the dashboard answers only to a loopback host name, so a rebound DNS name reaches nothing", async ({
  baseURL,
}) => {
  const port = new URL(baseURL!).port;
  expect(await getWithHost(`${baseURL}/api/jobs`, `127.0.0.1:${port}`)).toBe(200);
  expect(await getWithHost(`${baseURL}/api/jobs`, `localhost:${port}`)).toBe(200);
  expect(await getWithHost(`${baseURL}/api/jobs`, `attacker.example:${port}`)).toBe(403);
  expect(await getWithHost(`${baseURL}/`, `attacker.example:${port}`)).toBe(403);
});
