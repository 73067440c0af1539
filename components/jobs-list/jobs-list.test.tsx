// @vitest-environment jsdom
import "@testing-library/jest-dom/vitest";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { act, cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

import { jobPath } from "@/lib/job-url";
import { parseJobsFilters, serverFilters, type JobsViewer } from "@/lib/jobs-filters";
import { ServerReads, type DehydratedReads } from "@/lib/queries/hydrate";
import { jobsQuery } from "@/lib/queries/jobs";
import { configuredModelsQuery } from "@/lib/queries/models";
import { dehydrateReads, fromServer } from "@/lib/queries/prefetch";
import { makeQueryClient } from "@/lib/query-client";
import type { JobsPageData, JobSummaryData, JobTagsData } from "@/lib/reads/jobs";
import type { ConfiguredModelSummaryData } from "@/lib/reads/models";
import { STARTED_BY_TAG } from "@/lib/schemas/dashboard-tags";

import { JobsList } from "./jobs-list";

// The app router is not running in jsdom: the URL is jsdom's own, and history
// writes notify `useSearchParams` the way Next.js's router does.
const navigation = vi.hoisted(() => ({ push: vi.fn(), listeners: new Set<() => void>() }));
vi.mock("next/navigation", async () => {
  const { useSyncExternalStore } = await import("react");
  const subscribe = (listener: () => void) => {
    navigation.listeners.add(listener);
    return () => navigation.listeners.delete(listener);
  };
  return {
    useRouter: () => ({
      push: navigation.push,
      replace: vi.fn(),
      refresh: vi.fn(),
      prefetch: vi.fn(),
    }),
    useSearchParams: () => {
      const search = useSyncExternalStore(subscribe, () => window.location.search);
      return new URLSearchParams(search);
    },
  };
});

const realPushState = window.history.pushState.bind(window.history);
const realReplaceState = window.history.replaceState.bind(window.history);
function notify() {
  for (const listener of navigation.listeners) listener();
}

const MODEL_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/retail-lookalikes";
const UNKNOWN_MODEL_ARN =
  "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/old-model";
const COLLAB = "0f6b1c2e-1a2b-4c3d-8e9f-001122334455";
const jobArn = (id: string) =>
  `arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/${id}`;

const MODELS: ConfiguredModelSummaryData[] = [
  {
    createTime: "2026-01-01T00:00:00.000Z",
    updateTime: "2026-01-01T00:00:00.000Z",
    name: "Retail lookalikes",
    audienceModelArn: "arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-model/m",
    outputConfig: {
      destination: { s3Destination: { s3Uri: "s3://out/" } },
      roleArn: "arn:aws:iam::123456789012:role/r",
    },
    configuredAudienceModelArn: MODEL_ARN,
    status: "ACTIVE",
  },
];

function job(id: string, overrides: Partial<JobSummaryData> = {}): JobSummaryData {
  return {
    audienceGenerationJobArn: jobArn(id),
    name: `Job ${id}`,
    status: "ACTIVE",
    configuredAudienceModelArn: MODEL_ARN,
    createTime: new Date(Date.now() - 3600_000).toISOString(),
    updateTime: new Date(Date.now() - 600_000).toISOString(),
    startedBy: "123456789012",
    ...overrides,
  };
}

const page = (jobs: JobSummaryData[], nextToken?: string): JobsPageData => ({
  audienceGenerationJobs: jobs,
  nextToken,
});

let fetchMock: ReturnType<typeof vi.fn>;

function respond(body: unknown, status = 200) {
  return Promise.resolve(
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } }),
  );
}

/**
 * The list as the page serves it: a server-side QueryClient reads the first
 * page (for the URL's service-side filters) and the models, is dehydrated as
 * the page hands it over (through JSON, as it crosses to the browser), and
 * hydrated into the browser's client.
 */
async function renderList(
  server: { firstPage?: JobsPageData; failure?: unknown } = {},
  url = "/",
  viewer?: JobsViewer,
) {
  window.history.replaceState(null, "", url);
  const filters = serverFilters(
    parseJobsFilters(Object.fromEntries(new URLSearchParams(url.split("?")[1] ?? "")), viewer)
      .filters,
  );
  const onServer = makeQueryClient();
  await Promise.all([
    onServer.prefetchInfiniteQuery({
      ...jobsQuery(filters),
      ...fromServer(() =>
        server.firstPage ? Promise.resolve(server.firstPage) : Promise.reject(server.failure),
      ),
    }),
    onServer.prefetchQuery({ ...configuredModelsQuery(), ...fromServer(async () => MODELS) }),
  ]);
  const state = JSON.parse(JSON.stringify(dehydrateReads(onServer))) as DehydratedReads;
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false, staleTime: 5_000, refetchOnWindowFocus: false } },
  });
  return render(
    <QueryClientProvider client={client}>
      <ServerReads state={state}>
        <JobsList viewer={viewer} />
      </ServerReads>
    </QueryClientProvider>,
  );
}

beforeEach(() => {
  window.history.pushState = (...args: Parameters<History["pushState"]>) => {
    realPushState(...args);
    notify();
  };
  window.history.replaceState = (...args: Parameters<History["replaceState"]>) => {
    realReplaceState(...args);
    notify();
  };
  fetchMock = vi.fn((url: string) => {
    if (url === "/api/models") return respond(MODELS);
    return respond(page([]));
  });
  vi.stubGlobal("fetch", fetchMock);
});

afterEach(() => {
  cleanup();
  window.history.pushState = realPushState;
  window.history.replaceState = realReplaceState;
  realReplaceState(null, "", "/");
  navigation.push.mockReset();
  vi.unstubAllGlobals();
});

describe("JobsList", () => {
  it("shows each job with its page link, status badge, model name, times and who started it", async () => {
    await renderList({
      firstPage: page([
        job("a", { name: "Spring sale", status: "CREATE_IN_PROGRESS" }),
        job("b", { name: "Old campaign", configuredAudienceModelArn: UNKNOWN_MODEL_ARN }),
      ]),
    });
    const table = screen.getByRole("table", { name: "Audience generation jobs" });
    const link = within(table).getByRole("link", { name: "Spring sale" });
    expect(link).toHaveAttribute("href", jobPath(jobArn("a")));
    const row = link.closest("tr")!;
    expect(row.querySelector("[data-status]")).toHaveAttribute("data-status", "CREATE_IN_PROGRESS");
    expect(within(row).getAllByText(/Retail lookalikes/).length).toBeGreaterThan(0);
    expect(within(row).getByText("123456789012")).toBeInTheDocument();
    expect(within(row).getAllByText("1 hour ago")[0]).toHaveAttribute(
      "title",
      expect.stringMatching(/\d{4}/),
    );
    // A model missing from the configured models shows the last part of its ARN.
    const other = within(table).getByRole("link", { name: "Old campaign" }).closest("tr")!;
    expect(within(other).getAllByText(/old-model/).length).toBeGreaterThan(0);
    expect(screen.getByText("2 jobs")).toBeInTheDocument();
  });

  it("says under a failed job's name why it failed: the status code and the start of the message", async () => {
    fetchMock.mockImplementation((url: string) => {
      if (url === `/api/job?arn=${encodeURIComponent(jobArn("f"))}`)
        return respond({
          ...job("f", { name: "Tiny seed", status: "CREATE_FAILED" }),
          statusDetails: {
            statusCode: "SEED_TOO_FEW_USERS",
            message: "Ten users: fewer than a seed needs",
          },
        });
      return respond(page([]));
    });
    await renderList({
      firstPage: page([
        job("f", { name: "Tiny seed", status: "CREATE_FAILED" }),
        job("a", { name: "Spring sale" }),
      ]),
    });
    const failed = screen.getByRole("link", { name: "Tiny seed" }).closest("td")!;
    expect(
      await within(failed).findByText("SEED_TOO_FEW_USERS: Ten users: fewer than a seed needs"),
    ).toBeInTheDocument();
    // Only failed jobs are read one by one.
    const reads = fetchMock.mock.calls.filter(([url]) => String(url).startsWith("/api/job?"));
    expect(reads).toHaveLength(1);
    const active = screen.getByRole("link", { name: "Spring sale" }).closest("td")!;
    expect(active.querySelector("[data-failure-reason]")).toBeNull();
  });

  it("offers the deletion status filters only when such a job is loaded or the URL asks for one", async () => {
    await renderList({ firstPage: page([job("a"), job("b", { status: "CREATE_FAILED" })]) });
    expect(screen.getByRole("checkbox", { name: "Failed" })).toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: "Deleting" })).not.toBeInTheDocument();
    expect(screen.queryByRole("checkbox", { name: "Delete failed" })).not.toBeInTheDocument();
    cleanup();

    await renderList({ firstPage: page([job("a"), job("d", { status: "DELETE_PENDING" })]) });
    expect(screen.getByRole("checkbox", { name: "Deleting" })).not.toBeChecked();
    expect(screen.queryByRole("checkbox", { name: "Delete failed" })).not.toBeInTheDocument();
    cleanup();

    await renderList({ firstPage: page([job("a")]) }, "/?status=DELETE_FAILED");
    expect(screen.getByRole("checkbox", { name: "Delete failed" })).toBeChecked();
  });

  it("leads a first-time user to start a job when there are no jobs at all", async () => {
    await renderList({ firstPage: page([]) });
    expect(screen.getByRole("heading", { name: "No audience jobs yet" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "New job" })).toHaveAttribute("href", "/jobs/new");
    expect(screen.queryByRole("button", { name: "Clear filters" })).not.toBeInTheDocument();
  });

  it("tells filters that match nothing apart from no jobs, and clears them", async () => {
    await renderList({ firstPage: page([]) }, `/?collaboration=${COLLAB}&sort=name`);
    expect(
      screen.getByRole("heading", { name: "No jobs match these filters" }),
    ).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "No audience jobs yet" })).not.toBeInTheDocument();
    fetchMock.mockImplementation(() => respond(page([job("a")])));
    fireEvent.click(screen.getAllByRole("button", { name: "Clear filters" })[0]!);
    expect(window.location.search).toBe("?sort=name");
    expect(await screen.findByRole("link", { name: "Job a" })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith("/api/jobs", expect.anything());
  });

  it("filters the loaded rows by status and name, and keeps both in the URL", async () => {
    await renderList({
      firstPage: page([
        job("a", { name: "Spring sale", status: "ACTIVE" }),
        job("b", { name: "Spring retarget", status: "CREATE_FAILED" }),
        job("c", { name: "Summer", status: "CREATE_FAILED" }),
      ]),
    });
    fireEvent.click(screen.getByRole("checkbox", { name: "Failed" }));
    expect(window.location.search).toBe("?status=CREATE_FAILED");
    await waitFor(() =>
      expect(screen.queryByRole("link", { name: "Spring sale" })).not.toBeInTheDocument(),
    );
    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), {
      target: { value: "spring" },
    });
    expect(window.location.search).toBe("?status=CREATE_FAILED&q=spring");
    await waitFor(() =>
      expect(screen.queryByRole("link", { name: "Summer" })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole("link", { name: "Spring retarget" })).toBeInTheDocument();
    // Every job is loaded: the count says so by not saying "loaded".
    expect(screen.getByText("1 of 3 jobs")).toBeInTheDocument();
  });

  it("restores the view of a pasted link, and notes what it could not read", async () => {
    await renderList(
      {
        firstPage: page([
          job("a", { name: "Spring sale" }),
          job("b", { name: "Summer", status: "CREATE_FAILED" }),
        ]),
      },
      "/?status=ACTIVE,BOGUS&q=spring&sort=-name",
    );
    expect(screen.getByRole("searchbox", { name: "Search" })).toHaveValue("spring");
    expect(screen.getByRole("checkbox", { name: "Active" })).toBeChecked();
    expect(screen.getByRole("columnheader", { name: /Name/ })).toHaveAttribute(
      "aria-sort",
      "descending",
    );
    expect(screen.getByText(/“BOGUS” is not known, so it was ignored/)).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: "Summer" })).not.toBeInTheDocument();
  });

  it("filters by a tag once the loaded jobs' tags are read, saying so meanwhile", async () => {
    const tags: JobTagsData = {
      tags: {
        [jobArn("a")]: { team: "growth" },
        [jobArn("b")]: { team: "travel" },
        [jobArn("c")]: { team: "growth", project: "spring" },
      },
      unreadable: [],
    };
    let answer: (value: Response) => void = () => {};
    fetchMock.mockImplementation((url: string) => {
      if (url.startsWith("/api/jobs/tags?"))
        return new Promise<Response>((resolve) => (answer = resolve));
      return respond(page([]));
    });
    await renderList({
      firstPage: page([
        job("a", { name: "Spring sale" }),
        job("b", { name: "Travel" }),
        job("c", { name: "Summer" }),
      ]),
    });
    // No tag is read while no tag filter is on.
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith("/api/jobs/tags"))).toBe(
      false,
    );
    const input = screen.getByRole("textbox", { name: "Tag" });
    fireEvent.change(input, { target: { value: "team=growth" } });
    fireEvent.submit(input.closest("form")!);
    expect(window.location.search).toBe("?tag=team%3Dgrowth");
    expect(await screen.findByText("Reading the jobs’ tags… 0 of 3")).toBeInTheDocument();
    expect(screen.queryByRole("heading", { name: "No jobs match these filters" })).toBeNull();
    expect(fetchMock).toHaveBeenCalledWith(
      `/api/jobs/tags?arns=${encodeURIComponent([jobArn("a"), jobArn("b"), jobArn("c")].join(","))}`,
      expect.anything(),
    );

    await act(async () => answer(new Response(JSON.stringify(tags))));
    await waitFor(() =>
      expect(screen.queryByRole("link", { name: "Travel" })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole("link", { name: "Spring sale" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Summer" })).toBeInTheDocument();
    expect(screen.getByText("2 of 3 jobs")).toBeInTheDocument();
    expect(screen.queryByText(/Reading the jobs’ tags/)).toBeNull();

    // A key alone keeps every job that has it; a key no job has matches none, said once known.
    fireEvent.change(input, { target: { value: "project" } });
    fireEvent.blur(input);
    expect(window.location.search).toBe("?tag=project");
    await waitFor(() =>
      expect(screen.queryByRole("link", { name: "Spring sale" })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole("link", { name: "Summer" })).toBeInTheDocument();
  });

  it("offers “Started by me” only to a signed-in person, and says why a shared mine=1 link is ignored without sign-in", async () => {
    const rows = [job("a", { name: "Mine" }), job("b", { name: "Someone else's" })];
    fetchMock.mockImplementation((url: string) =>
      url.startsWith("/api/jobs/tags?")
        ? respond({
            tags: {
              [jobArn("a")]: { [STARTED_BY_TAG]: "ana@example.com" },
              [jobArn("b")]: { [STARTED_BY_TAG]: "bo@example.com" },
            },
            unreadable: [],
          } satisfies JobTagsData)
        : respond(page([])),
    );
    await renderList({ firstPage: page(rows) }, "/?mine=1");
    expect(screen.queryByRole("checkbox", { name: "Started by me" })).not.toBeInTheDocument();
    expect(
      screen.getByText(/“started by me” filter was ignored: sign-in is off/),
    ).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Someone else's" })).toBeInTheDocument();
    cleanup();

    await renderList({ firstPage: page(rows) }, "/", { startedBy: "ana@example.com" });
    fireEvent.click(screen.getByRole("checkbox", { name: "Started by me" }));
    expect(window.location.search).toBe("?mine=1");
    await waitFor(() =>
      expect(screen.queryByRole("link", { name: "Someone else's" })).not.toBeInTheDocument(),
    );
    expect(screen.getByRole("link", { name: "Mine" })).toBeInTheDocument();
    expect(screen.getByRole("checkbox", { name: "Started by me" })).toBeChecked();
  });

  it("sorts by a column when its header is clicked, and again the other way", async () => {
    await renderList({
      firstPage: page([
        job("a", { name: "Bravo", createTime: "2026-01-02T00:00:00Z" }),
        job("b", { name: "alpha", createTime: "2026-01-01T00:00:00Z" }),
        job("c", { name: "Charlie", createTime: "2026-01-03T00:00:00Z" }),
      ]),
    });
    const names = () =>
      screen
        .getAllByRole("link")
        .filter((l) => l.closest("tbody"))
        .map((l) => l.textContent);
    expect(names()).toEqual(["Charlie", "Bravo", "alpha"]);
    fireEvent.click(screen.getByRole("button", { name: "Name" }));
    expect(window.location.search).toBe("?sort=name");
    expect(names()).toEqual(["alpha", "Bravo", "Charlie"]);
    fireEvent.click(screen.getByRole("button", { name: "Name" }));
    expect(window.location.search).toBe("?sort=-name");
    expect(names()).toEqual(["Charlie", "Bravo", "alpha"]);
  });

  it("loads the next page of the service on “Load more jobs”", async () => {
    await renderList({ firstPage: page([job("a")], "token-1") });
    expect(screen.getByText("1 job loaded so far, more to load")).toBeInTheDocument();
    fetchMock.mockImplementation(() => respond(page([job("b")])));
    fireEvent.click(screen.getByRole("button", { name: "Load more jobs" }));
    expect(await screen.findByRole("link", { name: "Job b" })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith("/api/jobs?nextToken=token-1", expect.anything());
    expect(screen.getByText("Every job is loaded.")).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Load more jobs" })).not.toBeInTheDocument();
  });

  it("says when a search looked at only the loaded jobs, and searches all pages on request", async () => {
    await renderList({
      firstPage: page([job("a", { name: "Spring sale" }), job("b", { name: "Summer" })], "p2"),
    });
    const pages: Record<string, JobsPageData> = {
      p2: page([job("c", { name: "Spring retarget" })], "p3"),
      p3: page([job("d", { name: "Autumn" })]),
    };
    fetchMock.mockImplementation((url: string) => {
      const token = new URLSearchParams(url.split("?")[1]).get("nextToken");
      return url === "/api/models" ? respond(MODELS) : respond(token ? pages[token] : page([]));
    });
    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), {
      target: { value: "spring" },
    });
    expect(await screen.findByText("1 of 2 jobs loaded so far, more to load")).toBeInTheDocument();

    fireEvent.click(screen.getByRole("button", { name: "Search all jobs" }));
    expect(await screen.findByText("2 of 4 jobs")).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Spring retarget" })).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "Search all jobs" })).not.toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith("/api/jobs?nextToken=p2", expect.anything());
    expect(fetchMock).toHaveBeenCalledWith("/api/jobs?nextToken=p3", expect.anything());
  });

  it("stops searching all pages when the list is left", async () => {
    await renderList({ firstPage: page([job("a", { name: "Spring sale" })], "t1") });
    let release: () => void = () => {};
    fetchMock.mockImplementation((url: string) => {
      if (url === "/api/models") return respond(MODELS);
      const n = Number(new URLSearchParams(url.split("?")[1]).get("nextToken")?.slice(1) ?? 0);
      // Every page has another after it; each answer waits until released.
      return new Promise<Response>((resolve) => {
        release = () => void respond(page([job(`j${n}`)], `t${n + 1}`)).then(resolve);
      });
    });
    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), {
      target: { value: "spring" },
    });
    fireEvent.click(await screen.findByRole("button", { name: "Search all jobs" }));
    expect(
      await screen.findByText(/^Searching all jobs: 1 job loaded so far, more to load…/),
    ).toBeInTheDocument();
    const pageCalls = () =>
      fetchMock.mock.calls.filter(([url]) => String(url).includes("nextToken")).length;
    await waitFor(() => expect(pageCalls()).toBe(1));
    await act(async () => release());
    await waitFor(() => expect(pageCalls()).toBe(2));
    cleanup();
    await act(async () => release());
    await new Promise((r) => setTimeout(r, 50));
    expect(pageCalls()).toBe(2);
  });

  it("asks the service for a model's jobs when a model is chosen", async () => {
    await renderList({ firstPage: page([job("a")]) });
    fetchMock.mockImplementation(() => respond(page([job("m", { name: "Model job" })])));
    fireEvent.change(screen.getByRole("combobox", { name: "Audience model" }), {
      target: { value: MODEL_ARN },
    });
    expect(new URLSearchParams(window.location.search).get("model")).toBe(MODEL_ARN);
    // The filters stay; the table shows its skeleton until the service answers.
    expect(await screen.findByRole("status", { name: "Loading jobs" })).toBeInTheDocument();
    expect(screen.getByRole("searchbox", { name: "Search" })).toBeInTheDocument();
    expect(await screen.findByRole("link", { name: "Model job" })).toBeInTheDocument();
    expect(fetchMock).toHaveBeenCalledWith(
      `/api/jobs?configuredAudienceModelArn=${encodeURIComponent(MODEL_ARN)}`,
      expect.anything(),
    );
  });

  it("checks a typed collaboration ID before filtering by it", async () => {
    await renderList({ firstPage: page([job("a")]) });
    const input = screen.getByRole("textbox", { name: "Collaboration ID" });
    fireEvent.change(input, { target: { value: "abc" } });
    fireEvent.submit(input);
    expect(screen.getByText(/must be a lowercase UUID/)).toBeInTheDocument();
    expect(window.location.search).toBe("");
    fireEvent.change(input, { target: { value: COLLAB } });
    fireEvent.blur(input);
    expect(window.location.search).toBe(`?collaboration=${COLLAB}`);
  });

  it("never leaves the previous collaboration filter applied behind a refused ID", async () => {
    await renderList(
      { firstPage: page([job("a", { collaborationId: COLLAB })]) },
      `/?collaboration=${COLLAB}`,
    );
    const input = screen.getByRole("textbox", { name: "Collaboration ID" });
    fireEvent.change(input, { target: { value: "not-an-id" } });
    fireEvent.submit(input.closest("form")!);
    expect(screen.getByText(/The previous collaboration filter is removed/)).toBeInTheDocument();
    expect(window.location.search).toBe("");
  });

  it("picks a collaboration by name from the caller's own, applied at once", async () => {
    const other = "1f6b1c2e-1a2b-4c3d-8e9f-001122334455";
    const membership = (collaborationId: string, collaborationName: string) => ({
      membershipId: `m-${collaborationName}`,
      membershipArn: `arn:aws:cleanrooms:us-east-1:123456789012:membership/m-${collaborationName}`,
      collaborationId,
      collaborationName,
      creatorAccountId: "123456789012",
      creatorDisplayName: "Us",
      memberAbilities: [],
      mlMemberAbilities: [],
    });
    fetchMock.mockImplementation((url: string) => {
      if (url === "/api/collaborations")
        return respond([membership(COLLAB, "Retail partners"), membership(other, "Media")]);
      return respond(page([]));
    });
    await renderList({ firstPage: page([job("a")]) });
    const picker = await screen.findByRole("combobox", { name: "Collaboration" });
    expect(within(picker).getByRole("option", { name: "Any collaboration" })).toBeInTheDocument();
    fireEvent.change(picker, { target: { value: other } });
    expect(window.location.search).toBe(`?collaboration=${other}`);
    expect(picker).toHaveDisplayValue("Media");
    fireEvent.change(picker, { target: { value: "" } });
    expect(window.location.search).toBe("");
  });

  it("opens a job whose ARN is pasted into the search", async () => {
    await renderList({ firstPage: page([job("a")]) });
    fireEvent.change(screen.getByRole("searchbox", { name: "Search" }), {
      target: { value: ` ${jobArn("xyz")} ` },
    });
    expect(navigation.push).toHaveBeenCalledWith(jobPath(jobArn("xyz")));
    expect(window.location.search).toBe("");
  });

  it("shows the service's error with “Try again”, and recovers", async () => {
    // What the service client throws when nothing answers (mapped to NetworkError).
    await renderList({ failure: new TypeError("fetch failed") });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("The jobs could not be loaded");
    expect(alert).toHaveTextContent("The service can't be reached.");
    expect(fetchMock).not.toHaveBeenCalledWith(
      expect.stringMatching(/^\/api\/jobs/),
      expect.anything(),
    );
    fetchMock.mockImplementation((url: string) =>
      respond(url === "/api/models" ? MODELS : page([job("a")])),
    );
    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: "Job a" })).toBeInTheDocument();
  });

  it("keeps the filters beside the error when a chosen model's jobs cannot be loaded, so the choice can be undone", async () => {
    await renderList({ firstPage: page([job("a")]) });
    fetchMock.mockImplementation((url: string) =>
      url === "/api/models"
        ? respond(MODELS)
        : respond({ error: { code: "ThrottlingException", message: "Rate exceeded" } }, 429),
    );
    fireEvent.change(screen.getByRole("combobox", { name: "Audience model" }), {
      target: { value: MODEL_ARN },
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("Rate exceeded");
    fireEvent.change(screen.getByRole("combobox", { name: "Audience model" }), {
      target: { value: "" },
    });
    expect(window.location.search).toBe("");
    expect(await screen.findByRole("link", { name: "Job a" })).toBeInTheDocument();
  });

  it("keeps the rows and offers “Try again” when loading more fails", async () => {
    await renderList({ firstPage: page([job("a")], "token-1") });
    fetchMock.mockImplementation(() =>
      respond({ error: { code: "ThrottlingException", message: "Rate exceeded" } }, 429),
    );
    fireEvent.click(screen.getByRole("button", { name: "Load more jobs" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("More jobs could not be loaded. Rate exceeded");
    expect(screen.getByRole("link", { name: "Job a" })).toBeInTheDocument();
    fetchMock.mockImplementation(() => respond(page([job("b")])));
    fireEvent.click(within(alert).getByRole("button", { name: "Try again" }));
    expect(await screen.findByRole("link", { name: "Job b" })).toBeInTheDocument();
  });

  it("refreshes while a job is in flight and announces its new status", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await renderList({
        firstPage: page([job("a", { name: "Spring sale", status: "CREATE_IN_PROGRESS" })]),
      });
      fetchMock.mockImplementation(() =>
        respond(page([job("a", { name: "Spring sale", status: "ACTIVE" })])),
      );
      await act(async () => {
        await vi.advanceTimersByTimeAsync(2_100);
      });
      await waitFor(() =>
        expect(document.querySelector("[data-status]")).toHaveAttribute("data-status", "ACTIVE"),
      );
      expect(screen.getByText("Spring sale is now Active.")).toBeInTheDocument();
      // And a visible toast, which goes by itself.
      const toast = document.querySelector("[data-toast]");
      expect(toast).toHaveTextContent("Spring sale finished: Active.");
      expect(
        within(toast as HTMLElement).getByRole("link", { name: "Spring sale" }),
      ).toHaveAttribute("href", jobPath(jobArn("a")));
      // Nothing is in flight any more: no further polls.
      const calls = fetchMock.mock.calls.length;
      await act(async () => {
        await vi.advanceTimersByTimeAsync(30_000);
      });
      expect(fetchMock.mock.calls.length).toBe(calls);
      expect(document.querySelector("[data-toast]")).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("lets 2 to 6 jobs be chosen with checkboxes and opens their comparison", async () => {
    const ids = ["a", "b", "c", "d", "e", "f", "g"];
    await renderList({ firstPage: page(ids.map((id) => job(id))) });
    const box = (id: string) => screen.getByRole("checkbox", { name: `Compare Job ${id}` });
    const compare = screen.getByRole("group", { name: "Compare jobs" });
    expect(within(compare).queryByRole("link")).toBeNull();

    fireEvent.click(box("b"));
    expect(compare).toHaveTextContent("choose at least one more");
    expect(within(compare).getByRole("button", { name: "Compare" })).toBeDisabled();
    fireEvent.click(box("a"));
    expect(within(compare).getByRole("link", { name: "Compare 2 jobs" })).toHaveAttribute(
      "href",
      "/compare?at=us-east-1:123456789012&ids=b,a",
    );

    for (const id of ["c", "d", "e", "f"]) fireEvent.click(box(id));
    expect(within(compare).getByRole("link", { name: "Compare 6 jobs" })).toBeInTheDocument();
    // Six is the most: the seventh cannot be ticked, a ticked one can be unticked.
    expect(box("g")).toBeDisabled();
    fireEvent.click(box("a"));
    expect(box("g")).toBeEnabled();

    fireEvent.click(within(compare).getByRole("button", { name: "Clear choice" }));
    expect(box("b")).not.toBeChecked();
  });

  it("does not poll when no job is in flight", async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
    try {
      await renderList({ firstPage: page([job("a")]) });
      await act(async () => {
        await vi.advanceTimersByTimeAsync(20_000);
      });
      expect(fetchMock).not.toHaveBeenCalledWith(
        expect.stringMatching(/^\/api\/jobs/),
        expect.anything(),
      );
    } finally {
      vi.useRealTimers();
    }
  });
});

describe("JobsList with thousands of jobs", () => {
  it("renders only the rows in and near the window, and tells screen readers how many there are", async () => {
    // jsdom lays nothing out: every row is 60 px tall here, the window 768 px.
    vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockReturnValue(60);
    vi.spyOn(window, "scrollTo").mockImplementation(() => {});
    try {
      const jobs = Array.from({ length: 1000 }, (_, i) =>
        job(`j${String(i).padStart(4, "0")}`, {
          name: `Job ${String(i).padStart(4, "0")}`,
          createTime: new Date(Date.parse("2026-01-01T00:00:00Z") - i * 60_000).toISOString(),
        }),
      );
      await renderList({ firstPage: page(jobs) });
      const table = screen.getByRole("table", { name: "Audience generation jobs" });
      expect(table).toHaveAttribute("aria-rowcount", "1001");
      const rows = table.querySelectorAll("tbody tr[data-job-arn]");
      expect(rows.length).toBeGreaterThan(10);
      expect(rows.length).toBeLessThan(60);
      // Newest first: the first rendered row is the first job, row 2 after the header.
      expect(rows[0]).toHaveAttribute("aria-rowindex", "2");
      expect(within(rows[0] as HTMLElement).getByRole("link")).toHaveTextContent("Job 0000");
      // The rows out of the window keep their room, so the page scrolls as if all were there.
      const spacer = table.querySelector("tbody tr[aria-hidden]") as HTMLElement;
      expect(parseInt(spacer.style.height, 10)).toBeGreaterThan(50_000);

      // Typing in the search renders the few matching rows, all of them.
      fireEvent.change(screen.getByLabelText("Search"), { target: { value: "Job 09" } });
      await waitFor(() =>
        expect(table.querySelectorAll("tbody tr[data-job-arn]")).toHaveLength(100),
      );
      expect(table).toHaveAttribute("aria-rowcount", "101");
    } finally {
      vi.restoreAllMocks();
    }
  });

  it("renders every row of a list up to the window's threshold (the server's first page among them)", async () => {
    await renderList({
      firstPage: page(Array.from({ length: 100 }, (_, i) => job(`k${i}`, { name: `K ${i}` }))),
    });
    const table = screen.getByRole("table", { name: "Audience generation jobs" });
    expect(table.querySelectorAll("tbody tr[data-job-arn]")).toHaveLength(100);
    expect(table.querySelector("tbody tr[aria-hidden]")).toBeNull();
  });
});
