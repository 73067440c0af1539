import { describe, expect, it } from "vitest";

import type { JobSummaryData } from "@/lib/reads/jobs";
import { STARTED_BY_TAG } from "@/lib/schemas/dashboard-tags";

import {
  arnTail,
  failureSummary,
  filterRows,
  rowsFromPages,
  shownStatusChoices,
  sortRows,
  STATUS_CHOICES,
  statusChanges,
  type TagsContext,
} from "./rows";

const arn = (id: string) =>
  `arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/${id}`;
const MODEL = "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/retail";

function job(id: string, overrides: Partial<JobSummaryData> = {}): JobSummaryData {
  return {
    audienceGenerationJobArn: arn(id),
    name: `job ${id}`,
    status: "ACTIVE",
    configuredAudienceModelArn: MODEL,
    createTime: "2026-01-01T00:00:00.000Z",
    updateTime: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

describe("rowsFromPages", () => {
  it("keeps the service's order and drops a job repeated on a later page", () => {
    const rows = rowsFromPages([
      { audienceGenerationJobs: [job("a"), job("b")] },
      { audienceGenerationJobs: [job("b"), job("c")] },
    ]);
    expect(rows.map((r) => r.name)).toEqual(["job a", "job b", "job c"]);
  });
});

describe("filterRows", () => {
  const rows = [
    job("a", { name: "Spring sale – Café lovers", status: "ACTIVE" }),
    job("b", { name: "Summer", status: "CREATE_IN_PROGRESS" }),
    job("c", { name: "spring retarget", status: "CREATE_FAILED" }),
  ];

  it("searches names ignoring case and accents", () => {
    expect(filterRows(rows, { status: [], q: "SPRING" }).map((r) => r.name)).toEqual([
      "Spring sale – Café lovers",
      "spring retarget",
    ]);
    expect(filterRows(rows, { status: [], q: " cafe " })).toHaveLength(1);
  });

  it("keeps jobs in any of the chosen statuses", () => {
    expect(
      filterRows(rows, { status: ["ACTIVE", "CREATE_FAILED"], q: "" }).map((r) => r.name),
    ).toEqual(["Spring sale – Café lovers", "spring retarget"]);
  });

  it("combines status and search", () => {
    expect(filterRows(rows, { status: ["CREATE_FAILED"], q: "spring" }).map((r) => r.name)).toEqual(
      ["spring retarget"],
    );
  });
});

describe("filterRows by tags", () => {
  const rows = [job("a"), job("b"), job("c"), job("d", { status: "CREATE_FAILED" })];
  const known: Record<string, Record<string, string>> = {
    [arn("a")]: { team: "growth", [STARTED_BY_TAG]: "ana@example.com" },
    [arn("b")]: { team: "Growth", [STARTED_BY_TAG]: "bo@example.com" },
    [arn("c")]: {},
    [arn("d")]: { team: "growth", [STARTED_BY_TAG]: "ana@example.com" },
  };
  const tags: TagsContext = { tagsOf: (a) => known[a], startedBy: "ana@example.com" };
  const names = (filters: Partial<Parameters<typeof filterRows>[1]>, context = tags) =>
    filterRows(rows, { status: [], q: "", ...filters }, context).map((r) => r.name);

  it("keeps jobs carrying a tag key, whatever its value", () => {
    expect(names({ tag: { key: "team" } })).toEqual(["job a", "job b", "job d"]);
  });

  it("compares a key and value exactly, as AWS does", () => {
    expect(names({ tag: { key: "team", value: "growth" } })).toEqual(["job a", "job d"]);
    expect(names({ tag: { key: "Team" } })).toEqual([]);
  });

  it("keeps the jobs the signed-in person started, combined with the other filters", () => {
    expect(names({ mine: true })).toEqual(["job a", "job d"]);
    expect(names({ mine: true, status: ["ACTIVE"] })).toEqual(["job a"]);
  });

  it("matches no job for “mine” without a signed-in person, and none whose tags are not read yet", () => {
    expect(names({ mine: true }, { tagsOf: tags.tagsOf, startedBy: undefined })).toEqual([]);
    expect(
      names({ tag: { key: "team" } }, { tagsOf: (a) => (a === arn("b") ? known[a] : undefined) }),
    ).toEqual(["job b"]);
  });

  it("does not look at tags when no tag filter is on", () => {
    expect(names({}, { tagsOf: () => undefined })).toHaveLength(4);
    expect(filterRows(rows, { status: [], q: "" })).toHaveLength(4);
  });
});

describe("sortRows", () => {
  const rows = [
    job("a", {
      name: "beta 10",
      status: "ACTIVE",
      createTime: "2026-01-02T00:00:00Z",
      updateTime: "2026-01-05T00:00:00Z",
    }),
    job("b", {
      name: "Alpha",
      status: "CREATE_FAILED",
      createTime: "2026-01-03T00:00:00Z",
      updateTime: "2026-01-03T00:00:00Z",
    }),
    job("c", {
      name: "beta 9",
      status: "CREATE_PENDING",
      createTime: "2026-01-01T00:00:00Z",
      updateTime: "2026-01-04T00:00:00Z",
    }),
  ];
  const names = (sorted: JobSummaryData[]) => sorted.map((r) => r.name);

  it("puts the newest first by default", () => {
    expect(names(sortRows(rows, { field: "created", direction: "desc" }))).toEqual([
      "Alpha",
      "beta 10",
      "beta 9",
    ]);
    expect(names(sortRows(rows, { field: "created", direction: "asc" }))).toEqual([
      "beta 9",
      "beta 10",
      "Alpha",
    ]);
  });

  it("sorts names the way people read them (case-insensitive, numbers as numbers)", () => {
    expect(names(sortRows(rows, { field: "name", direction: "asc" }))).toEqual([
      "Alpha",
      "beta 9",
      "beta 10",
    ]);
    expect(names(sortRows(rows, { field: "name", direction: "desc" }))).toEqual([
      "beta 10",
      "beta 9",
      "Alpha",
    ]);
  });

  it("sorts statuses in lifecycle order", () => {
    expect(names(sortRows(rows, { field: "status", direction: "asc" }))).toEqual([
      "beta 9",
      "beta 10",
      "Alpha",
    ]);
  });

  it("sorts by last update", () => {
    expect(names(sortRows(rows, { field: "updated", direction: "desc" }))).toEqual([
      "beta 10",
      "beta 9",
      "Alpha",
    ]);
  });

  it("breaks ties newest first, so equal rows never swap between refreshes", () => {
    const tied = [
      job("x", { name: "same", createTime: "2026-01-01T00:00:00Z" }),
      job("y", { name: "same", createTime: "2026-01-02T00:00:00Z" }),
    ];
    expect(
      sortRows(tied, { field: "name", direction: "asc" }).map((r) => r.audienceGenerationJobArn),
    ).toEqual([arn("y"), arn("x")]);
    expect(
      sortRows(tied, { field: "name", direction: "desc" }).map((r) => r.audienceGenerationJobArn),
    ).toEqual([arn("y"), arn("x")]);
  });

  it("does not change the rows it is given", () => {
    const copy = [...rows];
    sortRows(rows, { field: "name", direction: "asc" });
    expect(rows).toEqual(copy);
  });
});

describe("status choices and changes", () => {
  it("offers one choice per label, with both deletion states behind “Deleting”", () => {
    expect(STATUS_CHOICES.map((c) => c.label)).toEqual([
      "Pending",
      "Generating",
      "Active",
      "Failed",
      "Deleting",
      "Delete failed",
    ]);
    expect(STATUS_CHOICES.find((c) => c.label === "Deleting")?.statuses).toEqual([
      "DELETE_PENDING",
      "DELETE_IN_PROGRESS",
    ]);
  });

  it("offers the rare deletion statuses only when a loaded job has one or the URL asks for one", () => {
    const labels = (...args: Parameters<typeof shownStatusChoices>) =>
      shownStatusChoices(...args).map((c) => c.label);
    const common = ["Pending", "Generating", "Active", "Failed"];
    expect(labels([{ status: "ACTIVE" }, { status: "CREATE_FAILED" }], [])).toEqual(common);
    expect(labels([], [])).toEqual(common);
    expect(labels([{ status: "DELETE_IN_PROGRESS" }], [])).toEqual([...common, "Deleting"]);
    expect(labels([{ status: "ACTIVE" }], ["DELETE_FAILED"])).toEqual([...common, "Delete failed"]);
  });

  it("names the jobs whose status changed", () => {
    const before = new Map([
      [arn("a"), "CREATE_IN_PROGRESS" as const],
      [arn("b"), "CREATE_PENDING" as const],
    ]);
    expect(
      statusChanges(before, [
        job("a", { status: "ACTIVE" }),
        job("b", { status: "CREATE_PENDING" }),
        job("c"),
      ]),
    ).toEqual([{ name: "job a", status: "ACTIVE" }]);
  });

  it("falls back to an ARN's last segment for a name", () => {
    expect(arnTail(MODEL)).toBe("retail");
  });
});

describe("failureSummary", () => {
  it("gives the status code and the start of the message", () => {
    expect(
      failureSummary({
        statusCode: "SEED_TOO_FEW_USERS",
        message: "Ten users: fewer than a seed needs",
      }),
    ).toBe("SEED_TOO_FEW_USERS: Ten users: fewer than a seed needs");
  });

  it("cuts a long message at a word, and copes with either half missing", () => {
    const long = `The seed query ran out of memory ${"while joining the tables ".repeat(8)}`;
    const summary = failureSummary({ statusCode: "X", message: long })!;
    expect(summary.startsWith("X: The seed query ran out of memory")).toBe(true);
    expect(summary.endsWith("…")).toBe(true);
    expect(summary.length).toBeLessThan(100);
    expect(summary).not.toMatch(/ …$/);
    expect(failureSummary({ statusCode: "ONLY_CODE" })).toBe("ONLY_CODE");
    expect(failureSummary({ message: "Only a message" })).toBe("Only a message");
    expect(failureSummary({})).toBeUndefined();
  });
});
