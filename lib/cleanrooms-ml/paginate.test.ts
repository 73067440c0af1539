/** Paginators through real HTTP: a service holding 250 jobs answers in pages. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";

import {
  paginateListAudienceExportJobs,
  paginateListAudienceGenerationJobs,
  paginateListAudienceModels,
  paginateListConfiguredAudienceModels,
  type AudienceGenerationJobSummary,
} from "./index";
import { testClient } from "./testing/fixtures";
import {
  startLoopbackServer,
  type LoopbackServer,
  type RecordedRequest,
} from "./testing/loopback-server";

const TOTAL = 250;
const arnOf = (i: number) =>
  `arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/job-${String(i).padStart(3, "0")}`;
/** Tokens with characters that must be encoded in a query string. */
const tokenFor = (offset: number) => `after/${offset}+more=yes`;

let server: LoopbackServer;

/** Serves `key` items 0..TOTAL-1 in pages of `maxResults`, the next offset hidden in the token. */
function pagedResponder(key: string) {
  return (request: RecordedRequest) => {
    const token = request.query.get("nextToken");
    const offset = token === null ? 0 : Number(/^after\/(\d+)\+more=yes$/.exec(token)?.[1] ?? NaN);
    const size = Number(request.query.get("maxResults") ?? 100);
    const items = [];
    for (let i = offset; i < Math.min(offset + size, TOTAL); i++) {
      items.push({
        createTime: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
        updateTime: new Date(Date.UTC(2024, 0, 1) + i * 60_000).toISOString(),
        audienceGenerationJobArn: arnOf(i),
        name: `job-${i}`,
        status: "ACTIVE",
        configuredAudienceModelArn:
          "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/cam",
      });
    }
    const next = offset + size;
    return {
      status: 200,
      body: { [key]: items, ...(next < TOTAL ? { nextToken: tokenFor(next) } : {}) },
    };
  };
}

beforeAll(async () => {
  server = await startLoopbackServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

describe("paginateListAudienceGenerationJobs", () => {
  it("walks 250 jobs in pages of 100: 3 requests, every job once, in order", async () => {
    server.respond(pagedResponder("audienceGenerationJobs"));
    const client = testClient(server.url);

    const jobs: AudienceGenerationJobSummary[] = [];
    let pages = 0;
    for await (const page of paginateListAudienceGenerationJobs({ client, pageSize: 100 }, {})) {
      pages += 1;
      jobs.push(...page.audienceGenerationJobs);
    }

    expect(pages).toBe(3);
    expect(jobs).toHaveLength(TOTAL);
    expect(jobs.map((j) => j.audienceGenerationJobArn)).toEqual(
      Array.from({ length: TOTAL }, (_, i) => arnOf(i)),
    );
    expect(jobs[249]?.createTime).toEqual(new Date(Date.UTC(2024, 0, 1) + 249 * 60_000));

    expect(server.requests).toHaveLength(3);
    expect(server.requests.map((r) => r.query.get("maxResults"))).toEqual(["100", "100", "100"]);
    expect(server.requests.map((r) => r.query.get("nextToken"))).toEqual([
      null,
      tokenFor(100),
      tokenFor(200),
    ]);
    expect(server.requests[1]?.rawQuery).toContain("nextToken=after%2F100%2Bmore%3Dyes");
  });

  it("keeps the input's filters on every page and resumes from startingToken", async () => {
    server.respond(pagedResponder("audienceGenerationJobs"));
    const client = testClient(server.url);
    const collaborationId = "0f8e4b1a-3c2d-4e5f-8a9b-0c1d2e3f4a5b";

    const names: string[] = [];
    for await (const page of paginateListAudienceGenerationJobs(
      { client, pageSize: 100, startingToken: tokenFor(150) },
      { collaborationId },
    )) {
      names.push(...page.audienceGenerationJobs.map((j) => j.name));
    }

    expect(names).toEqual(Array.from({ length: 100 }, (_, i) => `job-${150 + i}`));
    expect(server.requests).toHaveLength(1);
    expect(server.requests[0]?.query.get("collaborationId")).toBe(collaborationId);
  });

  it("stops early when the caller breaks out", async () => {
    server.respond(pagedResponder("audienceGenerationJobs"));
    for await (const page of paginateListAudienceGenerationJobs(
      { client: testClient(server.url), pageSize: 10 },
      {},
    )) {
      expect(page.audienceGenerationJobs).toHaveLength(10);
      break;
    }
    expect(server.requests).toHaveLength(1);
  });

  it("with stopOnSameToken, a service repeating its token does not loop forever", async () => {
    server.respond({ status: 200, body: { audienceGenerationJobs: [], nextToken: "same" } });
    const pages = [];
    for await (const page of paginateListAudienceGenerationJobs(
      { client: testClient(server.url), startingToken: "same", stopOnSameToken: true },
      {},
    )) {
      pages.push(page);
    }
    expect(pages).toHaveLength(1);
  });
});

describe("the other paginators", () => {
  const cases = [
    {
      paginate: paginateListAudienceExportJobs,
      path: "/audience-export-job",
      key: "audienceExportJobs",
    },
    {
      paginate: paginateListConfiguredAudienceModels,
      path: "/configured-audience-model",
      key: "configuredAudienceModels",
    },
    { paginate: paginateListAudienceModels, path: "/audience-model", key: "audienceModels" },
  ] as const;

  for (const { paginate, path, key } of cases) {
    it(`${paginate.name || key}: follows nextToken on ${path}`, async () => {
      server.respond(pagedResponder(key));
      let items = 0;
      for await (const page of paginate({ client: testClient(server.url), pageSize: 100 }, {})) {
        items += (page as unknown as Record<string, unknown[]>)[key]?.length ?? 0;
      }
      expect(items).toBe(TOTAL);
      expect(server.requests.map((r) => r.rawPath)).toEqual([path, path, path]);
      expect(server.requests.map((r) => r.query.get("nextToken"))).toEqual([
        null,
        tokenFor(100),
        tokenFor(200),
      ]);
    });
  }
});
