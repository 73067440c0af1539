// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { ServerReads, type DehydratedReads } from "@/lib/queries/hydrate";
import { jobQuery } from "@/lib/queries/job";
import { configuredModelQuery } from "@/lib/queries/models";
import { dehydrateReads, fromServer } from "@/lib/queries/prefetch";
import { makeQueryClient } from "@/lib/query-client";
import type { JobData } from "@/lib/reads/jobs";
import type { ConfiguredModelData } from "@/lib/reads/models";

import { comparePanels, compareRow, JOB_COLORS, seedSource } from "./compare-data";
import { CompareView } from "./compare-view";

vi.mock("next/navigation", () => ({
  useRouter: () => ({ push: vi.fn(), replace: vi.fn(), refresh: vi.fn(), prefetch: vi.fn() }),
}));

const arn = (id: string) =>
  `arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/${id}`;
const MODEL_ABS = "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/abs";
const MODEL_PCT = "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/pct";

function job(id: string, overrides: Partial<JobData> = {}): JobData {
  return {
    audienceGenerationJobArn: arn(id),
    name: `Job ${id}`,
    status: "ACTIVE",
    configuredAudienceModelArn: MODEL_ABS,
    createTime: "2026-01-01T00:00:00.000Z",
    updateTime: "2026-01-01T00:00:00.000Z",
    seedAudience: {
      roleArn: "arn:aws:iam::123456789012:role/r",
      dataSource: { s3Uri: "s3://seeds/a.csv" },
    },
    ...overrides,
  } as JobData;
}

const absolute = (scores: number[]) => ({
  relevanceMetrics: [5_000, 10_000].map((value, i) => ({
    audienceSize: { type: "ABSOLUTE" as const, value },
    score: scores[i],
  })),
  recallMetric: 0.8,
});
const percentage = {
  relevanceMetrics: [10, 50].map((value) => ({
    audienceSize: { type: "PERCENTAGE" as const, value },
    score: 1,
  })),
  recallMetric: 0.51,
};

const model = (arnOf: string, name: string) =>
  ({ configuredAudienceModelArn: arnOf, name }) as ConfiguredModelData;

let fetchMock: ReturnType<typeof vi.fn>;
const respond = (body: unknown, status = 200) =>
  Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }),
  );

async function renderCompare(jobs: Record<string, JobData | "missing" | "failing">) {
  const onServer = makeQueryClient();
  await Promise.all(
    Object.entries(jobs).map(([id, data]) =>
      onServer.prefetchQuery({
        ...jobQuery(arn(id)),
        ...fromServer(async () => {
          if (data === "failing") {
            throw Object.assign(new Error("Internal failure"), {
              name: "InternalServerException",
              $fault: "server",
              $metadata: { httpStatusCode: 500 },
            });
          }
          if (data !== "missing") return data;
          throw Object.assign(new Error(`Audience generation job ${arn(id)} does not exist.`), {
            name: "ResourceNotFoundException",
            $metadata: { httpStatusCode: 404 },
          });
        }),
      }),
    ),
  );
  for (const m of [model(MODEL_ABS, "Retail lookalikes"), model(MODEL_PCT, "By share")]) {
    onServer.setQueryData(configuredModelQuery(m.configuredAudienceModelArn).queryKey, m);
  }
  const state = JSON.parse(JSON.stringify(dehydrateReads(onServer))) as DehydratedReads;
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 5_000, refetchOnWindowFocus: false } },
  });
  return render(
    <QueryClientProvider client={client}>
      <ServerReads state={state}>
        <CompareView arns={Object.keys(jobs).map(arn)} />
      </ServerReads>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  fetchMock = vi.fn(() => respond({}));
  vi.stubGlobal("fetch", fetchMock);
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  document.title = "";
});

describe("comparing jobs", () => {
  it("charts each size kind apart, tables every job, and lists a missing one with the service's reason", async () => {
    await renderCompare({
      a: job("a", { name: "Sports", metrics: absolute([8, 6]) }),
      b: job("b", { name: "Random", configuredAudienceModelArn: MODEL_PCT, metrics: percentage }),
      gone: "missing",
      c: job("c", { name: "Running", status: "CREATE_IN_PROGRESS" }),
    });
    const table = screen.getByRole("table", { name: "Compared jobs" });
    expect(within(table).getAllByRole("row")).toHaveLength(4);
    const sports = within(table).getByRole("link", { name: "Sports" }).closest("tr")!;
    expect(sports).toHaveTextContent("Retail lookalikes");
    expect(sports).toHaveTextContent("s3://seeds/a.csv");
    expect(sports).toHaveTextContent("80%");
    expect(sports).toHaveTextContent("5,0008.00");
    const random = within(table).getByRole("link", { name: "Random" }).closest("tr")!;
    expect(random.querySelector("[data-verdict]")).toHaveAttribute("data-verdict", "random");
    const running = within(table).getByRole("link", { name: "Running" }).closest("tr")!;
    expect(running).toHaveTextContent("Generating");
    expect(running).toHaveTextContent("Scores when it finishes");

    // Users and shares of users never on one axis.
    expect(screen.getAllByRole("img", { name: /one line per job/ })).toHaveLength(2);

    const missing = screen.getByRole("region", { name: "One job is not compared" });
    expect(missing).toHaveTextContent(`Missing: ${arn("gone")}`);
    expect(missing).toHaveTextContent("does not exist");
    // A job that is gone is not asked for again.
    expect(fetchMock).not.toHaveBeenCalled();
  });

  it("follows a running job until it finishes, with its status in the tab title", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await renderCompare({
        a: job("a", { name: "Sports", metrics: absolute([8, 6]) }),
        c: job("c", { name: "Running", status: "CREATE_IN_PROGRESS" }),
      });
      await waitFor(() => expect(document.title).toBe("Generating · Running"));
      fetchMock.mockImplementation(() =>
        respond(job("c", { name: "Running", metrics: absolute([5, 4]) })),
      );
      await act(async () => {
        await vi.advanceTimersByTimeAsync(2_100);
      });
      await waitFor(() => expect(document.title).toBe("All finished · Compare jobs"));
      expect(fetchMock).toHaveBeenCalledWith(
        `/api/job?arn=${encodeURIComponent(arn("c"))}`,
        expect.anything(),
      );
      expect(fetchMock).not.toHaveBeenCalledWith(
        `/api/job?arn=${encodeURIComponent(arn("a"))}`,
        expect.anything(),
      );
      const table = screen.getByRole("table", { name: "Compared jobs" });
      expect(within(table).getByRole("link", { name: "Running" }).closest("tr")).toHaveTextContent(
        "Active",
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("the comparison's data", () => {
  it("puts each job's scores at the panel's sizes, with no point where a job has no score", () => {
    const rows = [
      compareRow({
        arn: arn("a"),
        job: job("a", { metrics: absolute([8, 6]) }),
        model: undefined,
        color: JOB_COLORS[0]!,
      }),
      compareRow({
        arn: arn("b"),
        job: job("b", {
          metrics: {
            relevanceMetrics: [{ audienceSize: { type: "ABSOLUTE", value: 25_000 }, score: 3 }],
          },
        }),
        model: undefined,
        color: JOB_COLORS[1]!,
      }),
      compareRow({
        arn: arn("c"),
        job: job("c", { status: "CREATE_PENDING" }),
        model: undefined,
        color: JOB_COLORS[2]!,
      }),
    ];
    const panels = comparePanels(rows);
    expect(panels).toHaveLength(1);
    expect(panels[0]!.data).toEqual([
      { size: "5,000", job0: 8, job1: null },
      { size: "10,000", job0: 6, job1: null },
      { size: "25,000", job0: null, job1: 3 },
    ]);
    expect(panels[0]!.series.map((s) => s.color)).toEqual([JOB_COLORS[0], JOB_COLORS[1]]);
  });

  it("names the seed's source", () => {
    expect(seedSource(job("a"))).toBe("s3://seeds/a.csv");
    expect(seedSource(job("a", { seedAudience: undefined }))).toBe("Not shown to your account");
    expect(
      seedSource(
        job("a", {
          seedAudience: { roleArn: "r", sqlParameters: { queryString: "SELECT 1" } },
        }),
      ),
    ).toBe("SQL query");
  });
});

describe("the comparison's actions", () => {
  it("tries every job that could not be read again with one press", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    await renderCompare({
      a: job("a", { name: "Sports", metrics: absolute([8, 6]) }),
      x: "failing",
      y: "failing",
    });
    const missing = screen.getByRole("region", { name: "2 jobs are not compared" });
    expect(within(missing).getAllByRole("button")).toHaveLength(1);
    fetchMock.mockImplementation((url: string) => {
      const id = url.includes("%2Fx") ? "x" : "y";
      return respond(job(id, { name: id.toUpperCase() }));
    });
    await act(async () => {
      within(missing).getByRole("button", { name: "Try again for all 2" }).click();
    });
    for (const id of ["x", "y"]) {
      expect(fetchMock).toHaveBeenCalledWith(
        `/api/job?arn=${encodeURIComponent(arn(id))}&refresh=1`,
        expect.anything(),
      );
    }
    const table = screen.getByRole("table", { name: "Compared jobs" });
    await waitFor(() => expect(within(table).getAllByRole("row")).toHaveLength(4));
  });

  it("copies the comparison's short link", async () => {
    const writeText = vi.fn(async () => undefined);
    vi.stubGlobal("navigator", { ...navigator, clipboard: { writeText } });
    await renderCompare({ a: job("a"), b: job("b") });
    await act(async () => {
      screen.getByRole("button", { name: "Copy link" }).click();
    });
    expect(writeText).toHaveBeenCalledWith(
      `${window.location.origin}/compare?at=us-east-1:123456789012&ids=a,b`,
    );
    expect(await screen.findByText("Link copied")).toBeInTheDocument();
  });

  it("names a template seed by the template's name, with the parameters the job gave it", async () => {
    const template = "arn:aws:cleanrooms:us-east-1:123456789012:membership/m/analysistemplate/t1";
    fetchMock.mockImplementation(() =>
      respond({ arn: template, name: "Customers by segment", parameters: [] }),
    );
    await renderCompare({
      a: job("a", { name: "Gamers" }),
      b: job("b", {
        name: "Templated",
        collaborationId: "5f1c2d3e-4a5b-4c6d-8e7f-90a1b2c3d4e5",
        seedAudience: {
          roleArn: "r",
          sqlParameters: { analysisTemplateArn: template, parameters: { segment: "gaming" } },
        },
      }),
    });
    const table = screen.getByRole("table", { name: "Compared jobs" });
    const row = within(table).getByRole("link", { name: "Templated" }).closest("tr")!;
    await waitFor(() => expect(row).toHaveTextContent("Template Customers by segment"));
    expect(row).toHaveTextContent("segment = gaming");
  });
});
