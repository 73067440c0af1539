import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";

import { DEMO_JOB_ARNS } from "../emulator/demo/catalog";
import { jobPath } from "../lib/job-url";
import { AUTH_APP_URL, LEAK_MARKERS } from "./oidc/settings";
import { SignInPage } from "./pages/auth";

/**
 * The build and both apps run with marker values in the AWS credentials, the
 * OpenID Connect client secret and the session secret (playwright.config.ts).
 * None may appear in the browser bundle or in anything the server answers.
 */

const markers = Object.values(LEAK_MARKERS);
const distDir = process.env.E2E_DIST_DIR ?? ".next";

function leaksIn(text: string): string[] {
  return markers.filter(
    (marker) => text.includes(marker) || text.includes(encodeURIComponent(marker)),
  );
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

test("no secret is in any file of the browser bundle", () => {
  test.skip(process.env.E2E_DEV === "1", "the bundle is the production build's");
  const files = filesUnder(path.join(distDir, "static"));
  expect(files.filter((f) => f.endsWith(".js")).length).toBeGreaterThan(10);
  const leaks = files.flatMap((file) =>
    leaksIn(readFileSync(file, "latin1")).map((m) => `${file}: ${m}`),
  );
  expect(leaks).toEqual([]);
});

/** Every header and the body of each answer, searched for the markers. */
async function expectNoLeaks(
  request: APIRequestContext,
  urls: string[],
  headers: Record<string, string> = {},
) {
  for (const url of urls) {
    const response = await request.get(url, { headers, maxRedirects: 0 });
    const headerText = response
      .headersArray()
      .map((h) => `${h.name}: ${h.value}`)
      .join("\n");
    expect(
      leaksIn(`${headerText}\n${await response.text()}`),
      `${url} (${response.status()})`,
    ).toEqual([]);
  }
}

const PAGES = [
  "/",
  "/jobs/new",
  jobPath(DEMO_JOB_ARNS.sportsFans),
  `/jobs/new?from=${encodeURIComponent(DEMO_JOB_ARNS.sportsFans)}`,
  "/no-such-page",
];
const ROUTES = [
  "/api/jobs",
  "/api/models",
  "/api/health",
  `/api/job?arn=${encodeURIComponent(DEMO_JOB_ARNS.sportsFans)}`,
  `/api/exports?jobArn=${encodeURIComponent(DEMO_JOB_ARNS.sportsFans)}`,
  "/api/job?arn=not-an-arn",
];

test("no secret is in any page, page payload or route answer, signed in or not", async ({
  request,
  browser,
}) => {
  // The app without sign-in: pages as HTML and as the router's payloads, and every route.
  await expectNoLeaks(request, [...PAGES, ...ROUTES]);
  await expectNoLeaks(request, PAGES, { rsc: "1" });

  // The app with sign-in, before signing in: redirects, 401s, and next-auth's own endpoints.
  await expectNoLeaks(
    request,
    [
      ...PAGES,
      ...ROUTES,
      "/sign-in",
      "/api/auth/providers",
      "/api/auth/csrf",
      "/api/auth/session",
      "/api/auth/signin",
      "/api/auth/error",
    ].map((p) => `${AUTH_APP_URL}${p}`),
  );

  // Signed in, through the browser's own cookies.
  const context = await browser.newContext({ baseURL: AUTH_APP_URL });
  const page = await context.newPage();
  await page.goto("/");
  const signIn = new SignInPage(page);
  await signIn.expectHere("/");
  await signIn.signInAs("alice@example.com");
  await expect(page).toHaveURL(`${AUTH_APP_URL}/`);
  expect(leaksIn(await page.content())).toEqual([]);
  await expectNoLeaks(
    context.request,
    [...PAGES, ...ROUTES, "/api/auth/session"].map((p) => `${AUTH_APP_URL}${p}`),
  );
  await expectNoLeaks(
    context.request,
    PAGES.map((p) => `${AUTH_APP_URL}${p}`),
    { rsc: "1" },
  );
  // The session cookie carries who is signed in, encrypted; never the secrets.
  for (const cookie of await context.cookies())
    expect(leaksIn(cookie.value), cookie.name).toEqual([]);
  await context.close();
});
