import { expect, test, type Page } from "@playwright/test";

import { DEMO_JOB_ARNS } from "../emulator/demo/catalog";
import { jobPath } from "../lib/job-url";
import { E2E_EMULATOR_URL } from "./env";
import { AUTH_APP_URL } from "./oidc/settings";
import { SignInPage } from "./pages/auth";

/**
 * The edges of sign-in, against the production build: where sign-in leads
 * afterwards, what a visitor learns, and requests no page makes.
 */

/** Every way of writing another site that a browser reads as one (tab, CR, LF and `\` are dropped or turned into `/`). */
const DISGUISED_CALLBACKS = [
  "/%09/evil.example/x",
  "/%0a/evil.example/x",
  "/%0d/evil.example/x",
  "/%09%5Cevil.example/x",
  "/%5Cevil.example/x",
  "//evil.example/x",
  "https://evil.example/x",
  "https%3A%2F%2Fevil.example%2Fx",
  "javascript:alert(document.domain)",
];

/** Answers every request to evil.example, so a browser that is sent there shows it at once. */
async function trapEvilSite(page: Page) {
  await page.route(/^https?:\/\/evil\.example\//, (route) =>
    route.fulfill({ status: 200, contentType: "text/html", body: "<h1>evil</h1>" }),
  );
}

test("sign-in never sends anyone to another site, however the callbackUrl is disguised", async ({
  page,
  baseURL,
}) => {
  await trapEvilSite(page);
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Without sign-in (the local mode) /sign-in goes straight to the callback.
  for (const callback of DISGUISED_CALLBACKS) {
    await page.goto(`/sign-in?callbackUrl=${callback}`);
    await expect(page, callback).toHaveURL(`${baseURL}/`);
    await expect(page.getByRole("heading", { level: 1, name: "Audience jobs" })).toBeVisible();
  }
  expect(dialogs).toEqual([]);
  // A path of the dashboard itself is still where it leads.
  await page.goto(`/sign-in?callbackUrl=${encodeURIComponent("/jobs/new?from=x")}`);
  await expect(page).toHaveURL(`${baseURL}/jobs/new?from=x`);
});

test("a signed-in person sent to sign-in with a disguised callbackUrl stays on the dashboard", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: AUTH_APP_URL });
  const page = await context.newPage();
  await trapEvilSite(page);
  await page.goto("/");
  const signIn = new SignInPage(page);
  await signIn.expectHere("/");
  await signIn.signInAs("alice@example.com");
  await expect(page).toHaveURL(`${AUTH_APP_URL}/`);
  for (const callback of DISGUISED_CALLBACKS) {
    await page.goto(`/sign-in?callbackUrl=${callback}`);
    await expect(page, callback).toHaveURL(`${AUTH_APP_URL}/`);
  }
  await context.close();
});

test("a visitor who has not signed in is not told where the dashboard points; a signed-in one is", async ({
  browser,
}) => {
  const context = await browser.newContext({ baseURL: AUTH_APP_URL });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await expect(page.getByRole("heading", { level: 1, name: "Sign in" })).toBeVisible();
  const banner = page.getByRole("banner");
  await expect(banner).not.toContainText("Local service");
  await expect(banner).not.toContainText("Service:");
  expect(await page.content()).not.toContain(E2E_EMULATOR_URL);

  await page.goto("/");
  await new SignInPage(page).signInAs("alice@example.com");
  await expect(page).toHaveURL(`${AUTH_APP_URL}/`);
  await expect(banner).toContainText("Local service");
  await context.close();
});

test("a job URL with broken percent-encoding is a page not found, not a server error", async ({
  page,
  request,
}) => {
  for (const path of [
    "/jobs/us-east-1/111122223333/%E0%A4%A",
    "/jobs/us-east-1/%E0%A4%A/x",
    `${jobPath(DEMO_JOB_ARNS.sportsFans)}%E0%A4%A`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect(response.headers()["content-security-policy"], path).toContain("script-src");
  }
  const response = await page.goto("/jobs/us-east-1/111122223333/%E0%A4%A");
  expect(response?.status()).toBe(404);
  await expect(page).toHaveTitle(/not found/i);
  // The job that exists is still there.
  expect((await request.get(jobPath(DEMO_JOB_ARNS.sportsFans))).status()).toBe(200);
});

test("a server action POST to /sign-in without a session gets a clear 405", async ({
  request,
  baseURL,
}) => {
  for (const app of [AUTH_APP_URL, ""]) {
    const response = await request.post(`${app}/sign-in`, {
      headers: {
        "next-action": "7f00000000000000000000000000000000000000aa",
        "content-type": "text/plain;charset=UTF-8",
        origin: app || baseURL!,
      },
      data: "[]",
      maxRedirects: 0,
    });
    expect(response.status(), app || "no sign-in").toBe(405);
    expect(response.headers()["allow"]).toBe("GET, HEAD");
    expect(await response.json()).toMatchObject({ error: { code: "MethodNotAllowed" } });
  }
});
