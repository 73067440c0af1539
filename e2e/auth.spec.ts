import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "../emulator/demo/catalog";
import { ListAudienceExportJobsCommand, ListTagsForResourceCommand } from "../lib/cleanrooms-ml";
import { jobPath } from "../lib/job-url";
import {
  EXPORTED_BY_TAG,
  STARTED_BY_TAG,
  TAGS_CHANGED_BY_TAG,
} from "../lib/schemas/dashboard-tags";
import { AUTH_APP_URL } from "./oidc/settings";
import { AccountHeader, recordNextAction, replayAction, SignInPage } from "./pages/auth";
import { JobFormPage } from "./pages/job-form";
import { JobPage, waitForJobStatus } from "./pages/job-page";
import { serviceClient, startJob } from "./service";

/**
 * Sign-in against a real OpenID Connect provider (e2e/oidc/server.ts) on the
 * app started with sign-in on. Allowed: people at example.com and the group
 * `marketing`.
 */
test.use({ baseURL: AUTH_APP_URL });

const unique = () => randomUUID().slice(0, 8);

async function tagsOf(arn: string) {
  return (
    (await serviceClient().send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {}
  );
}

/** Opens `path`, is sent to sign-in, signs in as `email` and comes back to `path`. */
async function signInThrough(page: Page, path: string, email: string) {
  await page.goto(path);
  const signIn = new SignInPage(page);
  await signIn.expectHere(path);
  await signIn.signInAs(email);
  await expect(page).toHaveURL(
    (url) => url.origin === AUTH_APP_URL && url.pathname + url.search === path,
  );
}

test("a visitor who has not signed in is sent to sign-in and sees no jobs", async ({ page }) => {
  const signIn = new SignInPage(page);
  await page.goto("/jobs/new");
  await signIn.expectHere("/jobs/new");
  await expect(page.getByRole("heading", { name: "Start an audience job" })).toHaveCount(0);
  // No links that would only lead back here.
  await expect(new AccountHeader(page).nav).toHaveCount(0);

  const shared = jobPath(DEMO_JOB_ARNS.sportsFans);
  await page.goto(shared);
  await signIn.expectHere(shared);
  await expect(page.getByText("Sports fans lookalike")).toHaveCount(0);

  await page.goto("/");
  await signIn.expectHere("/");
  await expect(page.getByRole("table")).toHaveCount(0);
});

test("without a session the routes answer 401, and a real action sent again answers 401 and changes nothing", async ({
  page,
  request,
}) => {
  // The browser's reads.
  for (const path of [
    "/api/jobs",
    "/api/models",
    `/api/job?arn=${encodeURIComponent(DEMO_JOB_ARNS.sportsFans)}`,
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: "Unauthorized" } });
  }

  // A real tag change, recorded while signed in…
  const arn = await startJob(serviceClient(), {
    name: `Tags kept from strangers ${unique()}`,
    speed: "failing",
    // A model that passes no tags of its own on to its jobs.
    configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
    tags: { team: "growth" },
  });
  await signInThrough(page, jobPath(arn), "alice@example.com");
  const job = new JobPage(page);
  await job.tags.getByRole("button", { name: "Edit tags" }).click();
  await job.tags.getByRole("textbox", { name: "Tag 1 Value" }).fill("owned");
  const recorded = recordNextAction(page);
  await job.tags.getByRole("button", { name: "Save tags" }).click();
  const action = await recorded;
  await expect(job.tags.getByText("Tags saved.")).toBeVisible();
  expect(await tagsOf(arn)).toMatchObject({ team: "owned" });

  // …sent again from outside the browser, same origin but without the session cookie.
  const response = await replayAction(action, {
    origin: AUTH_APP_URL,
    body: action.body.replace('"owned"', '"stolen"'),
  });
  expect(response.status).toBe(401);
  expect(await response.json()).toMatchObject({ error: { code: "Unauthorized" } });
  expect(await tagsOf(arn)).toMatchObject({ team: "owned" });

  // A forged session cookie is no session either.
  const forged = await replayAction(action, {
    origin: AUTH_APP_URL,
    cookie: "next-auth.session-token=forged",
    body: action.body.replace('"owned"', '"stolen"'),
  });
  expect(forged.status).toBe(401);
  expect(await tagsOf(arn)).toMatchObject({ team: "owned" });
});

test("a teammate signs in with the company's identity provider, sees themselves in the header and signs out", async ({
  page,
  context,
}) => {
  const signIn = new SignInPage(page);
  const header = new AccountHeader(page);
  await signInThrough(page, "/", "alice@example.com");

  await expect(page.getByRole("heading", { level: 1, name: "Audience jobs" })).toBeVisible();
  await expect(header.person).toHaveText("Alice Tester");
  await expect(page.getByRole("banner")).toContainText("alice@example.com");
  await expect(header.nav.getByRole("link", { name: "New job" })).toBeVisible();

  // The session is an HTTP-only cookie: no script on the page can read it.
  const session = (await context.cookies()).find((c) => c.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");

  await header.signOut.click();
  await signIn.expectHere();
  await expect(signIn.signedOut).toBeVisible();
  expect(
    (await context.cookies()).find((c) => c.name === "next-auth.session-token"),
  ).toBeUndefined();

  await page.goto("/");
  await signIn.expectHere("/");
});

test("a job started, re-tagged and exported while signed in records who did it, and its page shows it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await signInThrough(page, "/jobs/new", "alice@example.com");
  const form = new JobFormPage(page);
  await expect(form.submit).toBeVisible();
  const name = `Signed-in job ${unique()}`;
  await form.name.fill(name);
  // A model that passes no tags of its own on to its jobs.
  await form.chooseModel(DEMO_CONFIGURED_MODELS.retailPercentage.name);
  await form.s3Uri.fill(DEMO_SEED_URIS.sportsFans);
  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  // Nobody may write the record themselves: a tag in our namespace from the form is replaced.
  await form.addRow("tag", STARTED_BY_TAG, "someone-else@example.com");
  const arn = await form.startAndOpenJob();

  const job = new JobPage(page);
  await expect(job.heading).toHaveText(name);
  await expect(job.details.getByTestId("started-by-person")).toHaveText("alice@example.com");
  await expect(job.details).toContainText("Account 111122223333");
  expect(await tagsOf(arn)).toEqual({ [STARTED_BY_TAG]: "alice@example.com" });

  // The record is shown with the tags but is not editable.
  await expect(job.tags.getByRole("list", { name: "Tags" })).toContainText(
    `${STARTED_BY_TAG} = alice@example.com`,
  );
  await job.tags.getByRole("button", { name: "Edit tags" }).click();
  await expect(job.tags.getByRole("textbox", { name: "Tag 1 Key" })).toHaveCount(0);
  await job.tags.getByRole("button", { name: "Add tag" }).click();
  await job.tags.getByRole("textbox", { name: "Tag 1 Key" }).fill("team");
  await job.tags.getByRole("textbox", { name: "Tag 1 Value" }).fill("growth");
  await job.tags.getByRole("button", { name: "Save tags" }).click();
  await expect(job.tags.getByText("Tags saved.")).toBeVisible();
  await expect(job.details).toContainText(/Tags last changed by\s*alice@example.com/);
  expect(await tagsOf(arn)).toEqual({
    [STARTED_BY_TAG]: "alice@example.com",
    [TAGS_CHANGED_BY_TAG]: "alice@example.com",
    team: "growth",
  });

  // The export, once the job is ready.
  await waitForJobStatus(serviceClient(), arn, "ACTIVE");
  await page.reload();
  await job.exports.getByLabel("Audience size").selectOption({ index: 1 });
  await job.exports.getByLabel("Export name").fill("Signed-in export");
  await job.exports.getByRole("button", { name: "Export audience" }).click();
  await expect(job.exports.getByText("Export “Signed-in export” started.")).toBeVisible();
  const { audienceExportJobs } = await serviceClient().send(
    new ListAudienceExportJobsCommand({ audienceGenerationJobArn: arn }),
  );
  expect(audienceExportJobs.map((e) => e.name)).toEqual(["Signed-in export"]);
  expect(await tagsOf(arn)).toMatchObject({ [EXPORTED_BY_TAG]: "alice@example.com" });
  await page.reload();
  await expect(job.details).toContainText(/Last export by\s*alice@example.com/);
});

test("when the session ends while a page is open, saving leads to sign-in and back, and nothing is saved meanwhile", async ({
  page,
  context,
}) => {
  const arn = await startJob(serviceClient(), {
    name: `Session ends ${unique()}`,
    speed: "failing",
    configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
  });
  const path = jobPath(arn);
  await signInThrough(page, path, "alice@example.com");
  const job = new JobPage(page);
  await job.tags.getByRole("button", { name: "Edit tags" }).click();
  await job.tags.getByRole("button", { name: "Add tag" }).click();
  await job.tags.getByRole("textbox", { name: "Tag 1 Key" }).fill("team");

  await context.clearCookies();
  await job.tags.getByRole("button", { name: "Save tags" }).click();
  const signIn = new SignInPage(page);
  await signIn.expectHere(path);
  expect(await tagsOf(arn)).toEqual({});

  await signIn.signInAs("alice@example.com");
  await expect(page).toHaveURL(`${AUTH_APP_URL}${path}`);
  await expect(job.heading).toBeVisible();
});

test("only people from the allowed email domain or group get in", async ({ browser }) => {
  const attempt = async (email: string) => {
    const context = await browser.newContext({ baseURL: AUTH_APP_URL });
    const page = await context.newPage();
    const signIn = new SignInPage(page);
    await page.goto("/");
    await signIn.expectHere("/");
    await signIn.signInAs(email);
    return { context, page, signIn };
  };

  // Another domain and no allowed group: refused, with what to do about it.
  for (const email of ["mallory@evil.example", "unverified@example.com"]) {
    const { context, page, signIn } = await attempt(email);
    await expect(page).toHaveURL(
      (url) => url.pathname === "/sign-in" && url.searchParams.get("error") === "AccessDenied",
    );
    await expect(signIn.refused).toBeVisible();
    await expect(new AccountHeader(page).person).toHaveCount(0);
    expect(
      (await context.cookies()).find((c) => c.name === "next-auth.session-token"),
      email,
    ).toBeUndefined();
    await context.close();
  }

  // Another domain, but in the allowed group.
  const { context, page } = await attempt("bob@partner.example");
  await expect(page).toHaveURL(`${AUTH_APP_URL}/`);
  await expect(new AccountHeader(page).person).toHaveText("Bob Tester");
  await context.close();
});
