/**
 * GET /api/jobs/tags, the jobs list's tag reads, against a real local
 * service: the tags of a batch of jobs, a job that cannot be read named
 * rather than failing the batch, the batch bound, and the cache (a tag
 * action drops the job's entry).
 */
import { beforeAll, beforeEach, describe, expect, it } from "vitest";

import { DEMO_JOB_ARNS } from "@/emulator/demo/catalog";
import type { ActionResult } from "@/lib/action-result";
import { JOB_TAGS_BATCH } from "@/lib/queries/jobs";
import type { JobTagsData } from "@/lib/reads/jobs";
import { localServiceForTests, type SentCommand } from "@/test/local-service";

type Route = (request: Request) => Promise<Response>;

let route: Route;
let tagResource: (input: unknown) => Promise<ActionResult<unknown>>;
const sent: SentCommand[] = [];
const calls = () => sent.filter((c) => c.operation === "ListTagsForResource").length;

/** A job ARN of the demo account that names no job. */
const MISSING = DEMO_JOB_ARNS.sportsFans.replace(/[^/]+$/, "00000000-0000-4000-8000-000000000000");

const get = (arns: readonly string[]) =>
  route(new Request(`http://127.0.0.1/api/jobs/tags?arns=${encodeURIComponent(arns.join(","))}`));

localServiceForTests({ sent });

beforeAll(async () => {
  route = (await import("@/app/api/jobs/tags/route")).GET;
  tagResource = (await import("@/lib/actions/tag-resource")).tagResource as typeof tagResource;
});

beforeEach(() => {
  sent.length = 0;
});

describe("GET /api/jobs/tags", () => {
  it("answers each job's tags, and names a job whose tags cannot be read instead of failing", async () => {
    const response = await get([DEMO_JOB_ARNS.sportsFans, DEMO_JOB_ARNS.randomBaseline, MISSING]);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = (await response.json()) as JobTagsData;
    expect(body.tags[DEMO_JOB_ARNS.sportsFans]).toMatchObject({ team: "growth" });
    expect(body.tags[DEMO_JOB_ARNS.randomBaseline]).not.toHaveProperty("team");
    expect(body.unreadable).toEqual([MISSING]);
    expect(calls()).toBe(3);
  });

  it("answers from the server's cache until a tag action drops the job's entry", async () => {
    const arn = DEMO_JOB_ARNS.travelSql;
    await get([arn]);
    sent.length = 0;
    expect(((await (await get([arn])).json()) as JobTagsData).tags[arn]).toMatchObject({
      team: "travel",
    });
    expect(calls()).toBe(0);

    expect((await tagResource({ resourceArn: arn, tags: { region: "north" } })).ok).toBe(true);
    sent.length = 0;
    const after = (await (await get([arn])).json()) as JobTagsData;
    expect(after.tags[arn]).toMatchObject({ team: "travel", region: "north" });
    expect(calls()).toBe(1);
  });

  it("answers the service's error when no job of the batch can be read", async () => {
    const response = await get([MISSING]);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "ResourceNotFoundException",
    );
  });

  it(`refuses more than ${JOB_TAGS_BATCH} jobs at once, and what is not a job ARN, before reading`, async () => {
    const many = Array.from({ length: JOB_TAGS_BATCH + 1 }, (_, i) =>
      DEMO_JOB_ARNS.sportsFans.replace(/[^/]+$/, `job-${i}`),
    );
    const tooMany = await get(many);
    expect(tooMany.status).toBe(400);
    expect(((await tooMany.json()) as { error: { message: string } }).error.message).toContain(
      `at most ${JOB_TAGS_BATCH} job ARNs`,
    );
    expect((await get([DEMO_JOB_ARNS.sportsFans, "not-an-arn"])).status).toBe(400);
    expect((await route(new Request("http://127.0.0.1/api/jobs/tags"))).status).toBe(400);
    // The same job twice is read once.
    expect((await get([DEMO_JOB_ARNS.gamersTemplate, DEMO_JOB_ARNS.gamersTemplate])).status).toBe(
      200,
    );
    expect(calls()).toBe(1);
  });
});
