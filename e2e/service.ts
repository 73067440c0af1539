import type { Page } from "@playwright/test";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "../emulator/demo/catalog";
import { CleanRoomsMLClient, StartAudienceGenerationJobCommand } from "../lib/cleanrooms-ml";
import { E2E_EMULATOR_URL } from "./env";

const emulatorUrl = E2E_EMULATOR_URL;

/** A typed client for specs that set up or check data in the local service directly. */
export function serviceClient(): CleanRoomsMLClient {
  return new CleanRoomsMLClient({
    region: "us-east-1",
    endpoint: emulatorUrl,
    credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" },
  });
}

/**
 * Runs `body` with the local service's jobs at another speed (its emulator-only
 * control), then puts the speed back. A job's generating time is decided when its
 * computation ends, so keep a job inside `body` until it is done.
 */
export async function withTimeScale<T>(timeScale: number, body: () => Promise<T>): Promise<T> {
  const control = `${emulatorUrl}/_emulator/time-scale`;
  const put = (value: number) =>
    fetch(control, {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ timeScale: value }),
    });
  const { timeScale: previous } = (await (await fetch(control)).json()) as { timeScale: number };
  await put(timeScale);
  try {
    return await body();
  } finally {
    await put(previous);
  }
}

/**
 * Runs `body` while the local service answers the next `count` calls of
 * `operation` with a 500 (its emulator-only control: the call is carried out,
 * its answer lost), then lets it answer again.
 */
export async function withFailingOperation<T>(
  operation: string,
  count: number,
  body: () => Promise<T>,
): Promise<T> {
  const control = `${emulatorUrl}/_emulator/lost-answers`;
  await fetch(control, {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operation, as: "error", count }),
  });
  try {
    return await body();
  } finally {
    await fetch(control, { method: "DELETE" });
  }
}

export interface NewJob {
  name: string;
  /**
   * `slow`: every customer of the seed owner (a SQL seed of ~40,000 users) on
   * the smallest compute, so the job stays in flight for several seconds even
   * at the e2e time scale; `fast`: the demo sports fans file, done in about
   * two seconds; `failing`: a seed too small, which the service fails at once.
   */
  speed: "slow" | "fast" | "failing";
  configuredAudienceModelArn?: string;
  collaborationId?: string;
  tags?: Record<string, string>;
  description?: string;
}

const SEEDS = {
  fast: { dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans }, roleArn: DEMO_SEED_ROLE_ARN },
  failing: { dataSource: { s3Uri: DEMO_SEED_URIS.tooSmall }, roleArn: DEMO_SEED_ROLE_ARN },
  slow: {
    roleArn: DEMO_SEED_ROLE_ARN,
    sqlParameters: { queryString: "SELECT user_id FROM customers" },
    sqlComputeConfiguration: { worker: { type: "CR.1X" as const, number: 2 } },
  },
};

/** Starts a job straight in the local service (not through the page) and returns its ARN. */
export async function startJob(client: CleanRoomsMLClient, job: NewJob): Promise<string> {
  const { audienceGenerationJobArn } = await client.send(
    new StartAudienceGenerationJobCommand({
      name: job.name,
      description: job.description,
      configuredAudienceModelArn:
        job.configuredAudienceModelArn ?? DEMO_CONFIGURED_MODELS.retailAbsolute.arn,
      collaborationId: job.collaborationId,
      seedAudience: SEEDS[job.speed],
      tags: job.tags,
    }),
  );
  return audienceGenerationJobArn;
}

/**
 * Makes the page believe its tab is hidden or visible again, as switching
 * tabs does (headless Chromium never hides a page by itself): TanStack
 * Query's focus manager listens to `visibilitychange`.
 */
export async function setTabVisibility(page: Page, state: "hidden" | "visible") {
  await page.evaluate((value) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => value });
    Object.defineProperty(document, "hidden", {
      configurable: true,
      get: () => value === "hidden",
    });
    // As in a real tab switch, the event bubbles from the document to the window (where TanStack listens).
    document.dispatchEvent(new Event("visibilitychange", { bubbles: true }));
  }, state);
}
