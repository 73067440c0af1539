import { expect, test, type Browser } from "@playwright/test";

import { E2E_EMULATOR_URL } from "./env";
import { isJobPoll, JobPage, setTabVisibility, startJob, waitForJobStatus } from "./pages/job-page";
import { serviceClient } from "./service";

/**
 * A team watching one job: the dashboard's calls to the service follow the
 * job, not the number of people looking at it. The local service counts the
 * calls it receives (`/_emulator/calls`).
 */

type Counts = { calls: Record<string, number>; throttled: Record<string, number> };

async function serviceCalls(method: "GET" | "DELETE" = "GET"): Promise<Counts> {
  return (await (await fetch(`${E2E_EMULATOR_URL}/_emulator/calls`, { method })).json()) as Counts;
}

/** Two people: two browser contexts (separate caches and cookies), each with the job page. */
async function twoViewers(browser: Browser) {
  const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
  const pages = await Promise.all(contexts.map((context) => context.newPage()));
  const polls = { count: 0 };
  for (const page of pages) {
    page.on("request", (request) => {
      if (isJobPoll(request)) polls.count++;
    });
  }
  return {
    jobPages: pages.map((page) => new JobPage(page)),
    polls,
    close: () => Promise.all(contexts.map((context) => context.close())),
  };
}

test("two people watch one job to Active and the service is asked about it fewer times than they ask", async ({
  browser,
}) => {
  const client = serviceClient();
  const arn = await startJob(client, { name: "Watched by two", speed: "slow" });
  const viewers = await twoViewers(browser);
  await serviceCalls("DELETE");

  // Opened together, as when a link is shared in a meeting: their polls land close together.
  await Promise.all(viewers.jobPages.map((job) => job.goto(arn)));
  for (const job of viewers.jobPages) {
    await expect(
      job.page.locator('[data-status="CREATE_PENDING"], [data-status="CREATE_IN_PROGRESS"]'),
    ).toBeVisible();
  }
  await Promise.all(
    viewers.jobPages.map((job) => expect(job.status("ACTIVE")).toBeVisible({ timeout: 45_000 })),
  );
  const { calls } = await serviceCalls();
  await viewers.close();

  // What the two pages asked the dashboard: two first paints and every poll.
  const asked = 2 + viewers.polls.count;
  const gets = calls.GetAudienceGenerationJob ?? 0;
  expect(viewers.polls.count).toBeGreaterThanOrEqual(2);
  expect(gets).toBeGreaterThanOrEqual(1);
  test.info().annotations.push({
    type: "calls",
    description: `${gets} GetAudienceGenerationJob calls for ${asked} reads by two pages`,
  });
  // Reads of the service served both people (coalesced, or cached for about a second). How many
  // depends on how closely the two pages' polls line up on a busy machine; bench/team-reads.ts
  // measures the rate with 200 viewers.
  expect(gets).toBeLessThan(asked);
});

test("a refresh answered from the server's copy says how old the data is, not when it arrived", async ({
  page,
}) => {
  const client = serviceClient();
  const arn = await startJob(client, { name: "Finished, looked at again", speed: "fast" });
  await waitForJobStatus(client, arn, "ACTIVE");
  const job = new JobPage(page);

  await serviceCalls("DELETE");
  await job.goto(arn);
  await expect(job.status("ACTIVE")).toBeVisible();
  // Past the page's own freshness (5 s), coming back to the tab refreshes the job…
  await page.waitForTimeout(6_000);
  await setTabVisibility(page, "hidden");
  const refresh = page.waitForResponse((response) => isJobPoll(response.request()));
  await setTabVisibility(page, "visible");
  expect((await refresh).status()).toBe(200);
  await expect(job.updatedAgo).toHaveText(/Updated \d+ s ago/);

  // …from the server's copy of the finished job (one read of the service: the page's own)…
  const { calls } = await serviceCalls();
  expect(calls.GetAudienceGenerationJob).toBe(1);
  // …and the page counts from when the service answered, not from when the refresh arrived.
  const seconds = Number(
    /Updated (\d+) s ago/.exec((await job.updatedAgo.textContent()) ?? "")?.[1],
  );
  expect(seconds).toBeGreaterThanOrEqual(5);
});
