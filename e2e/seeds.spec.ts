import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { GetObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";

import { DEMO_CONFIGURED_MODELS, DEMO_SEED_ROLE_ARN } from "../emulator/demo/catalog";
import { E2E_EMULATOR_PORT, E2E_EMULATOR_URL } from "./env";
import { AUTH_APP_URL } from "./oidc/settings";
import { JobFormPage } from "./pages/job-form";
import { JobPage } from "./pages/job-page";
import { screenshot } from "./screenshots";

/**
 * Seeds from S3 in the start-job form (SEED_BUCKETS is the demo bucket here,
 * as `npm start` sets it): upload a CSV, check it, start a job from it; a
 * malformed seed chosen in the browser is flagged before starting.
 */

const RETAIL = DEMO_CONFIGURED_MODELS.retailAbsolute;
/** The run's local service data folder (playwright.config.ts). */
const E2E_DATA_DIR = `.data/e2e-${E2E_EMULATOR_PORT}`;
const unique = () => randomUUID().slice(0, 8);

/** The demo sports fans' IDs (users the model's training data has), read through S3 as any client would. */
async function demoUserIds(): Promise<string[]> {
  const s3 = new S3Client({
    endpoint: E2E_EMULATOR_URL,
    region: "us-east-1",
    forcePathStyle: true,
    credentials: { accessKeyId: "e2e", secretAccessKey: "e2e" },
  });
  try {
    const object = await s3.send(
      new GetObjectCommand({ Bucket: "demo-seeds", Key: "sports-fans.jsonl" }),
    );
    const text = await object.Body!.transformToString();
    return text
      .split("\n")
      .filter(Boolean)
      .map((line) => (JSON.parse(line) as { user_id: string }).user_id);
  } finally {
    s3.destroy();
  }
}

/**
 * A CSV of customers, the IDs in its third column, each customer twice, with
 * a notes column that makes it a few megabytes (so the upload takes a moment
 * on a throttled connection).
 */
function customersCsv(ids: string[]): Buffer {
  const notes = "x".repeat(2400);
  const rows = [...ids, ...ids].map((id, i) => `Customer ${i},c${i}@example.com,${id},${notes}`);
  return Buffer.from(`name,email,customer_id,notes\n${rows.join("\n")}\n`);
}

/** Slows this page's uploads to about 1 MB/s, or the given bytes per second (Chromium's network emulation). */
async function throttleUploads(page: Page, bytesPerSecond = 1024 * 1024) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", {
    offline: false,
    latency: 0,
    downloadThroughput: -1,
    uploadThroughput: bytesPerSecond,
  });
}

test("a marketer uploads a CSV, picks the ID column, sees the progress and the seed check, and starts a job that becomes Active", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const ids = (await demoUserIds()).slice(0, 800);
  const form = new JobFormPage(page);
  const name = `Uploaded seed ${unique()}`;
  await form.goto();
  await form.name.fill(name);
  await form.chooseModel(RETAIL.name);

  await page.getByRole("button", { name: "Upload a file" }).click();
  const upload = page.getByRole("region", { name: "Upload a seed file" });
  const fileName = `customers-${unique()}.csv`;
  await upload.getByLabel("CSV or JSON lines file").setInputFiles({
    name: fileName,
    mimeType: "text/csv",
    buffer: customersCsv(ids),
  });
  // The header is found and the preview shows the first rows; the ID column is chosen.
  await expect(upload.getByRole("checkbox", { name: "The first row is a header" })).toBeChecked();
  await expect(upload.getByRole("table")).toContainText("Customer 0");
  const column = upload.getByLabel("Column with the user IDs");
  // The column that looks like an ID is offered first, not the first column nor the email.
  await expect(column).toHaveValue("2");
  await column.selectOption({ label: "email (column 2)" });
  await column.selectOption({ label: "customer_id (column 3)" });
  await expect(upload.getByRole("columnheader", { name: "customer_id" })).toHaveClass(/indigo/);
  const seedName = fileName.replace(/\.csv$/, ".jsonl");
  await expect(upload.getByLabel("Seed file name")).toHaveValue(seedName);

  await throttleUploads(page);
  await upload.getByRole("button", { name: "Upload", exact: true }).click();
  const progress = upload.getByRole("progressbar", { name: "Upload progress" });
  await expect(progress).toHaveAttribute(
    "aria-valuetext",
    /^[\d.]+ (KB|MB) of [\d.]+ MB \((\d|[1-9]\d)%\)$/,
  );
  await expect(upload.getByRole("button", { name: "Cancel upload" })).toBeVisible();
  await screenshot(page, "upload-progress", progress);

  await expect(upload.getByRole("status").filter({ hasText: "Uploaded" })).toContainText(
    "800 unique user IDs written",
    { timeout: 30_000 },
  );
  await expect(upload.getByRole("status").filter({ hasText: "Uploaded" })).toContainText(
    "800 duplicate rows left out",
  );
  await expect(form.s3Uri).toHaveValue(`s3://demo-seeds/${seedName}`);
  // Focus follows to the filled field, not the page's body.
  await expect(form.s3Uri).toBeFocused();

  const check = page.getByRole("region", { name: "Seed check" });
  await expect(check).toContainText("Keeps the service's seed rules");
  await expect(check).toContainText("800");
  await expect(check).toContainText(
    `at least ${RETAIL.minMatchingSeedSize.toLocaleString("en-US")} of them`,
  );
  await screenshot(page, "upload-preflight", check);

  await form.roleArn.fill(DEMO_SEED_ROLE_ARN);
  const arn = await form.startAndOpenJob();
  expect(arn).toContain("audience-generation-job");
  const job = new JobPage(page);
  await expect(job.status("ACTIVE")).toBeVisible({ timeout: 60_000 });
});

test("a malformed seed chosen in the browser is flagged before the job starts, and again in the review", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  await form.goto();
  await form.chooseModel(RETAIL.name);
  await page.getByRole("button", { name: "Browse S3" }).click();
  const browser = page.getByRole("region", { name: "S3 seed browser" });
  await expect(browser.getByRole("button", { name: "Open folder fitness/" })).toBeVisible();
  await expect(browser.getByRole("button", { name: /^sports-fans\.jsonl/ })).toContainText("KB");
  await screenshot(page, "browser", browser);

  // Search by prefix, then choose the file.
  await browser.getByLabel(/Find in this folder/).fill("mal");
  await expect(browser.getByRole("button", { name: /^sports-fans/ })).toHaveCount(0);
  await browser.getByRole("button", { name: /^malformed\.jsonl/ }).click();
  await expect(browser).toHaveCount(0);
  await expect(form.s3Uri).toHaveValue("s3://demo-seeds/malformed.jsonl");
  await expect(form.s3Uri).toBeFocused();

  const check = page.getByRole("region", { name: "Seed check" });
  await expect(check).toContainText("The service would fail a job on this seed");
  await expect(check).toContainText(/malformed line/);
  await expect(check).toContainText(/line \d+ is not valid JSON/);
  await screenshot(page, "preflight-malformed", check);
  const review = page.getByRole("region", { name: "Review" });
  await expect(review).toContainText("The seed check found problems with this seed");
  await expect(form.submit).toBeEnabled();

  // A folder is read whole.
  await page.getByRole("button", { name: "Browse S3" }).click();
  await browser.getByRole("button", { name: "Use folder fitness/" }).click();
  await expect(form.s3Uri).toHaveValue("s3://demo-seeds/fitness/");
  await expect(check).toContainText("in 2 files");
  await expect(review).not.toContainText("The seed check found problems");
});

test("cancelling an upload half way leaves nothing in S3", async ({ page }) => {
  test.setTimeout(90_000);
  const form = new JobFormPage(page);
  await form.goto();
  await page.getByRole("button", { name: "Upload a file" }).click();
  const upload = page.getByRole("region", { name: "Upload a seed file" });
  const fileName = `cancelled-${unique()}.jsonl`;
  // About 12 MB: more than two 5 MB parts have gone to S3 when the upload is cancelled.
  const lines = Array.from({ length: 400_000 }, (_, i) => `{"user_id": "cancel-${i}"}\n`).join("");
  await upload.getByLabel("CSV or JSON lines file").setInputFiles({
    name: fileName,
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(lines),
  });
  await expect(upload).toContainText("JSON lines: each line's user_id is kept.");
  await throttleUploads(page, 2 * 1024 * 1024);
  await upload.getByRole("button", { name: "Upload", exact: true }).click();
  const progress = upload.getByRole("progressbar", { name: "Upload progress" });
  await expect
    .poll(async () => Number(await progress.getAttribute("aria-valuenow")), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(70);
  await upload.getByRole("button", { name: "Cancel upload" }).click();
  await expect(upload.getByRole("alert")).toContainText("Upload cancelled");
  await expect(upload.getByRole("alert")).toContainText("Nothing was written to S3.");
  await expect(form.s3Uri).toHaveValue("");

  const key = fileName;
  await expect
    .poll(async () => {
      const uploads = path.join(E2E_DATA_DIR, "s3-uploads");
      const pending = fs.existsSync(uploads)
        ? fs.readdirSync(uploads).filter((f) => !f.endsWith(".tmp"))
        : [];
      return { object: fs.existsSync(path.join(E2E_DATA_DIR, "s3", "demo-seeds", key)), pending };
    })
    .toEqual({ object: false, pending: [] });
});

test("an upload that would fail the seed rules writes nothing, and a name taken offers the existing file or a new name", async ({
  page,
}) => {
  const form = new JobFormPage(page);
  await form.goto();
  await page.getByRole("button", { name: "Upload a file" }).click();
  const upload = page.getByRole("region", { name: "Upload a seed file" });
  const fileName = `tiny-${unique()}.csv`;
  await upload.getByLabel("CSV or JSON lines file").setInputFiles({
    name: fileName,
    mimeType: "text/csv",
    buffer: Buffer.from("customer_id\nc-1\nc-2\nc-3\n"),
  });
  await upload.getByRole("button", { name: "Upload", exact: true }).click();
  await expect(upload.getByRole("alert")).toContainText(
    "3 unique user IDs: a seed needs at least 25. Nothing was written.",
  );
  await expect(form.s3Uri).toHaveValue("");
  // The local S3 holds no object under that name.
  const key = fileName.replace(/\.csv$/, ".jsonl");
  expect(fs.existsSync(path.join(E2E_DATA_DIR, "s3", "demo-seeds", key))).toBe(false);

  // A name that exists already: said at the name field before any byte is sent.
  await upload.getByLabel("CSV or JSON lines file").setInputFiles({
    name: "sports-fans.jsonl",
    mimeType: "application/x-ndjson",
    buffer: Buffer.from(Array.from({ length: 30 }, (_, i) => `{"user_id":"n${i}"}\n`).join("")),
  });
  const fileField = upload.getByLabel("Seed file name");
  await expect(fileField).toHaveAttribute("aria-invalid", "true");
  await expect(fileField).toHaveAccessibleDescription(
    "s3://demo-seeds/sports-fans.jsonl exists already: use the existing file, or upload under a new name.",
  );
  await expect(upload.getByRole("button", { name: "Upload", exact: true })).toBeDisabled();
  await screenshot(page, "upload-name-taken", fileField);
  await expect(
    upload.getByRole("button", { name: /^Upload as sports-fans-\d+\.jsonl$/ }),
  ).toBeVisible();
  await upload.getByRole("button", { name: "Use the existing file" }).click();
  await expect(form.s3Uri).toHaveValue("s3://demo-seeds/sports-fans.jsonl");
  await expect(form.s3Uri).toBeFocused();
});

/** A POST with a Host header of our choosing (what a rebound DNS name sends). */
function postWithHost(url: string, host: string, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      { method: "POST", headers: { host, "content-type": "application/octet-stream" } },
      (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

test("the upload route, which proxy.ts leaves out, takes a file over 10 MB whole and keeps the proxy's rules", async ({
  request,
  baseURL,
}) => {
  const url = (key: string) =>
    `/api/seeds/upload?${new URLSearchParams({ bucket: "demo-seeds", key, format: "jsonl" })}`;
  // 600,000 lines (about 17 MB) of 300,000 IDs: all of it arrives (Next.js cuts proxied bodies at 10 MB).
  const lines = Array.from(
    { length: 600_000 },
    (_, i) => `{"user_id": "big-${i % 300_000}"}\n`,
  ).join("");
  const key = `big-${unique()}.jsonl`;
  const big = await request.post(url(key), {
    data: Buffer.from(lines),
    headers: { "content-type": "application/octet-stream" },
    timeout: 60_000,
  });
  expect(big.status()).toBe(201);
  expect(await big.json()).toMatchObject({ rows: 600_000, ids: 300_000, duplicates: 300_000 });
  expect(big.headers()["x-content-type-options"]).toBe("nosniff");

  const small = Buffer.from(`{"user_id": "a"}\n`);
  const foreign = await request.post(url(`x-${unique()}.jsonl`), {
    data: small,
    headers: { "content-type": "application/octet-stream", origin: "https://evil.example" },
  });
  // Refused by the request guard it shares with proxy.ts, with the proxy's own answer.
  expect(foreign.status()).toBe(403);
  const port = new URL(baseURL!).port;
  expect(
    await postWithHost(`${baseURL}${url(`y-${unique()}.jsonl`)}`, `attacker.example:${port}`, "{}"),
  ).toBe(403);
  const signedOut = await request.post(`${AUTH_APP_URL}${url(`z-${unique()}.jsonl`)}`, {
    data: small,
    headers: { "content-type": "application/octet-stream" },
  });
  expect(signedOut.status()).toBe(401);
});
