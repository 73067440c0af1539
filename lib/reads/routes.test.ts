/**
 * The read routes and the actions together, against a real local service,
 * counting the calls the dashboard sends it: cached reads, conditional
 * requests (304), refreshes that skip the cache, and each action dropping
 * exactly what it changes.
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  DEMO_CONFIGURED_MODELS,
  DEMO_JOB_ARNS,
  DEMO_SEED_ROLE_ARN,
  DEMO_SEED_URIS,
} from "@/emulator/demo/catalog";
import type { ActionResult } from "@/lib/action-result";
import { READ_AGE_HEADER } from "@/lib/fetch-json";
import { emptyStartJobForm } from "@/lib/schemas/start-job-form";
import { localServiceForTests, type SentCommand } from "@/test/local-service";

type Route = (request: Request) => Promise<Response>;
type Action = (input: unknown) => Promise<ActionResult<unknown>>;

const sent: SentCommand[] = [];
let routes: Record<"job" | "jobs" | "exports" | "model" | "models", Route>;
let actions: Record<"start" | "tag" | "untag" | "exportJob" | "remove", Action>;

/** Calls of one operation sent since the last reset. */
const callsOf = (operation: string) => sent.filter((c) => c.operation === operation).length;

function get(route: Route, query: string, headers: Record<string, string> = {}) {
  return route(new Request(`http://127.0.0.1/api/x?${query}`, { headers }));
}

const jobQuery = (arn: string) => `arn=${encodeURIComponent(arn)}`;
/** A list page whose jobs are all final (demo jobs only), so it stays cached for its full time. */
const settledList = `configuredAudienceModelArn=${encodeURIComponent(DEMO_CONFIGURED_MODELS.retailAbsolute.arn)}`;

async function startActiveJob(name: string): Promise<string> {
  const started = await service.emulator.call("POST", "/audience-generation-job", {
    name,
    configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
    seedAudience: { dataSource: { s3Uri: DEMO_SEED_URIS.sportsFans }, roleArn: DEMO_SEED_ROLE_ARN },
  });
  const arn = started.json.audienceGenerationJobArn as string;
  await service.emulator.waitForJob(arn, (job) => job.status === "ACTIVE");
  return arn;
}

const service = localServiceForTests({ sent });

beforeAll(async () => {
  routes = {
    job: (await import("@/app/api/job/route")).GET,
    jobs: (await import("@/app/api/jobs/route")).GET,
    exports: (await import("@/app/api/exports/route")).GET,
    model: (await import("@/app/api/model/route")).GET,
    models: (await import("@/app/api/models/route")).GET,
  };
  actions = {
    start: (await import("@/lib/actions/start-audience-generation-job"))
      .startAudienceGenerationJob as Action,
    tag: (await import("@/lib/actions/tag-resource")).tagResource as Action,
    untag: (await import("@/lib/actions/untag-resource")).untagResource as Action,
    exportJob: (await import("@/lib/actions/start-audience-export-job"))
      .startAudienceExportJob as Action,
    remove: (await import("@/lib/actions/delete-audience-generation-job"))
      .deleteAudienceGenerationJob as Action,
  };
});

beforeEach(() => {
  sent.length = 0;
});

describe("conditional requests", () => {
  it("answers an unchanged job with a bodiless 304 to If-None-Match, and a changed one with 200", async () => {
    const arn = DEMO_JOB_ARNS.randomBaseline;
    const first = await get(routes.job, jobQuery(arn));
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(first.headers.get("cache-control")).toBe("private, no-cache");
    expect(first.headers.get("content-type")).toBe("application/json");
    expect((await first.json()).audienceGenerationJobArn).toBe(arn);

    const again = await get(routes.job, jobQuery(arn), { "if-none-match": etag! });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe("");
    expect(again.headers.get("etag")).toBe(etag);
    expect(again.headers.get("cache-control")).toBe("private, no-cache");
    expect(Number(again.headers.get(READ_AGE_HEADER))).toBeGreaterThanOrEqual(0);
    // A weak form of the same tag, in a list, matches too; another tag does not.
    expect(
      (await get(routes.job, jobQuery(arn), { "if-none-match": `"x", W/${etag}` })).status,
    ).toBe(304);
    expect((await get(routes.job, jobQuery(arn), { "if-none-match": '"other"' })).status).toBe(200);
    expect(callsOf("GetAudienceGenerationJob")).toBe(1);

    expect((await actions.tag({ resourceArn: arn, tags: { etag: "test" } })).ok).toBe(true);
    const changed = await get(routes.job, jobQuery(arn), { "if-none-match": etag! });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("etag")).not.toBe(etag);
    expect((await changed.json()).tags).toMatchObject({ etag: "test" });
  });

  it("every read route answers 304 to its own ETag", async () => {
    const arn = DEMO_JOB_ARNS.sportsFans;
    const cases: [Route, string][] = [
      [routes.jobs, ""],
      [routes.exports, `jobArn=${encodeURIComponent(arn)}`],
      [routes.models, ""],
      [routes.model, `arn=${encodeURIComponent(DEMO_CONFIGURED_MODELS.retailAbsolute.arn)}`],
    ];
    for (const [route, query] of cases) {
      const first = await get(route, query);
      expect(first.status).toBe(200);
      const second = await get(route, query, { "if-none-match": first.headers.get("etag")! });
      expect(second.status).toBe(304);
    }
  });

  it("refusals and errors are never stored: 400 and 404 answer no-store", async () => {
    const bad = await get(routes.job, "arn=not-an-arn");
    expect(bad.status).toBe(400);
    expect(bad.headers.get("cache-control")).toBe("no-store");
    expect(bad.headers.get("etag")).toBeNull();
    const gone = await get(
      routes.job,
      jobQuery(
        "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/00000000-0000-4000-8000-000000000000",
      ),
    );
    expect(gone.status).toBe(404);
    expect(gone.headers.get("cache-control")).toBe("no-store");
  });
});

describe("caching and refresh", () => {
  it("a final job is read from the service once for many viewers; a refresh asked for reads again", async () => {
    const arn = DEMO_JOB_ARNS.travelSql;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => get(routes.job, jobQuery(arn))),
    );
    expect(answers.every((a) => a.status === 200)).toBe(true);
    await get(routes.job, jobQuery(arn));
    expect(callsOf("GetAudienceGenerationJob")).toBe(1);

    const refreshed = await get(routes.job, `${jobQuery(arn)}&refresh=1`);
    expect(refreshed.status).toBe(200);
    expect(Number(refreshed.headers.get(READ_AGE_HEADER))).toBeLessThan(1_000);
    expect(callsOf("GetAudienceGenerationJob")).toBe(2);
  });

  it("says how old the data is: the age grows while an entry is served again", async () => {
    const arn = DEMO_JOB_ARNS.gamersTemplate;
    const first = await get(routes.job, `${jobQuery(arn)}&refresh=1`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    const later = await get(routes.job, jobQuery(arn));
    expect(Number(later.headers.get(READ_AGE_HEADER))).toBeGreaterThanOrEqual(
      Number(first.headers.get(READ_AGE_HEADER)) + 200,
    );
  });

  it("refuses a refresh parameter other than 1, naming it", async () => {
    const answer = await get(routes.job, `${jobQuery(DEMO_JOB_ARNS.sportsFans)}&refresh=yes`);
    expect(answer.status).toBe(400);
    expect((await answer.json()).error.message).toContain("refresh");
  });
});

describe("each action drops exactly what it changes", () => {
  it("start: the job lists (and not the jobs)", async () => {
    const arn = DEMO_JOB_ARNS.sportsFans;
    await get(routes.jobs, "");
    await get(routes.job, jobQuery(arn));
    sent.length = 0;
    await get(routes.jobs, "");
    expect(callsOf("ListAudienceGenerationJobs")).toBe(0);

    const started = await actions.start({
      ...emptyStartJobForm,
      name: "Started while cached",
      configuredAudienceModelArn: DEMO_CONFIGURED_MODELS.retailPercentage.arn,
      s3Uri: DEMO_SEED_URIS.tooSmall,
      roleArn: DEMO_SEED_ROLE_ARN,
    });
    expect(started.ok).toBe(true);
    const newArn = (started as { data: { audienceGenerationJobArn: string } }).data
      .audienceGenerationJobArn;
    const list = await (await get(routes.jobs, "")).json();
    expect(
      list.audienceGenerationJobs.map(
        (j: { audienceGenerationJobArn: string }) => j.audienceGenerationJobArn,
      ),
    ).toContain(newArn);
    await get(routes.job, jobQuery(arn));
    expect(callsOf("ListAudienceGenerationJobs")).toBe(1);
    expect(callsOf("GetAudienceGenerationJob")).toBe(0);
  });

  it("tag and untag: that job only", async () => {
    const arn = await startActiveJob("Tag target");
    const other = DEMO_JOB_ARNS.randomBaseline;
    await get(routes.job, jobQuery(arn));
    await get(routes.job, jobQuery(other));
    await get(routes.jobs, settledList);
    sent.length = 0;

    expect((await actions.tag({ resourceArn: arn, tags: { team: "growth" } })).ok).toBe(true);
    expect((await (await get(routes.job, jobQuery(arn))).json()).tags).toMatchObject({
      team: "growth",
    });
    await get(routes.job, jobQuery(other));
    await get(routes.jobs, settledList);
    expect(callsOf("GetAudienceGenerationJob")).toBe(1);
    expect(callsOf("ListAudienceGenerationJobs")).toBe(0);

    sent.length = 0;
    expect((await actions.untag({ resourceArn: arn, tagKeys: ["team"] })).ok).toBe(true);
    expect((await (await get(routes.job, jobQuery(arn))).json()).tags ?? {}).not.toHaveProperty(
      "team",
    );
    await get(routes.job, jobQuery(other));
    expect(callsOf("GetAudienceGenerationJob")).toBe(1);
  });

  it("export: that job's exports and the job", async () => {
    const arn = await startActiveJob("Export target");
    const exportsQuery = `jobArn=${encodeURIComponent(arn)}`;
    expect(await (await get(routes.exports, exportsQuery)).json()).toEqual([]);
    await get(routes.job, jobQuery(arn));
    await get(routes.jobs, settledList);
    sent.length = 0;

    const exported = await actions.exportJob({
      name: "Export while cached",
      audienceGenerationJobArn: arn,
      audienceSize: { type: "PERCENTAGE", value: 5 },
    });
    expect(exported).toEqual({ ok: true, data: null });
    const exports = await (await get(routes.exports, exportsQuery)).json();
    expect(exports.map((e: { name: string }) => e.name)).toEqual(["Export while cached"]);
    await get(routes.job, jobQuery(arn));
    await get(routes.jobs, settledList);
    expect(callsOf("ListAudienceExportJobs")).toBe(1);
    expect(callsOf("GetAudienceGenerationJob")).toBe(1);
    expect(callsOf("ListAudienceGenerationJobs")).toBe(0);
  });

  it("delete: that job and the lists", async () => {
    const arn = await startActiveJob("Delete target");
    const other = DEMO_JOB_ARNS.randomBaseline;
    await get(routes.job, jobQuery(arn));
    await get(routes.job, jobQuery(other));
    await get(routes.jobs, "");
    sent.length = 0;

    expect((await actions.remove({ audienceGenerationJobArn: arn })).ok).toBe(true);
    const after = await get(routes.job, jobQuery(arn));
    if (after.status === 200) expect((await after.json()).status).toMatch(/^DELETE_/);
    else expect(after.status).toBe(404);
    await get(routes.jobs, "");
    await get(routes.job, jobQuery(other));
    expect(callsOf("GetAudienceGenerationJob")).toBe(1);
    expect(callsOf("ListAudienceGenerationJobs")).toBe(1);
  });
});
