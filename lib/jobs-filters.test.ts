import { describe, expect, it } from "vitest";

import {
  clearedFilters,
  DEFAULT_SORT,
  EMPTY_FILTERS,
  hasActiveFilters,
  hasLoadedRowFilters,
  jobsFiltersToSearchParams,
  jobsListHref,
  parseJobsFilters,
  parseSortParam,
  parseTagFilter,
  serverFilters,
  sortParam,
  type JobsFilters,
} from "./jobs-filters";

const MODEL =
  "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/retail-lookalikes";
const COLLAB = "0f6b1c2e-1a2b-4c3d-8e9f-001122334455";

describe("parseJobsFilters", () => {
  it("reads nothing as every job, newest first", () => {
    expect(parseJobsFilters(new URLSearchParams())).toEqual({ filters: EMPTY_FILTERS, notes: [] });
  });

  it("reads every parameter from a URL", () => {
    const params = new URLSearchParams({
      model: MODEL,
      collaboration: COLLAB,
      status: "ACTIVE",
      q: "spring",
      sort: "name",
    });
    expect(parseJobsFilters(params)).toEqual({
      filters: {
        model: MODEL,
        collaboration: COLLAB,
        status: ["ACTIVE"],
        q: "spring",
        sort: { field: "name", direction: "asc" },
      },
      notes: [],
    });
  });

  it("reads Next.js searchParams records, with repeated and comma-separated statuses", () => {
    const { filters, notes } = parseJobsFilters({
      status: ["CREATE_FAILED,active", "CREATE_PENDING", "ACTIVE"],
    });
    expect(filters.status).toEqual(["CREATE_PENDING", "CREATE_FAILED", "ACTIVE"]);
    expect(notes).toEqual([]);
  });

  it("reads a descending sort and accepts a collaboration ID in capitals", () => {
    const { filters } = parseJobsFilters({ sort: "-updated", collaboration: COLLAB.toUpperCase() });
    expect(filters.sort).toEqual({ field: "updated", direction: "desc" });
    expect(filters.collaboration).toBe(COLLAB);
  });

  it("ignores what does not parse, and says so for each", () => {
    const { filters, notes } = parseJobsFilters({
      model: "retail",
      collaboration: "not-a-uuid",
      status: "ACTIVE,DONE",
      sort: "size",
    });
    expect(filters).toEqual({ ...EMPTY_FILTERS, status: ["ACTIVE"] });
    expect(notes).toHaveLength(4);
    expect(notes[0]).toMatch(/model filter “retail” is not a configured audience model ARN/);
    expect(notes[1]).toMatch(/collaboration filter “not-a-uuid”/);
    expect(notes[2]).toMatch(/status “DONE” is not known/);
    expect(notes[3]).toMatch(/order “size”.*newest first/);
  });

  it("ignores blank values without a note", () => {
    expect(parseJobsFilters({ model: " ", collaboration: "", status: ",", sort: "" })).toEqual({
      filters: EMPTY_FILTERS,
      notes: [],
    });
  });

  it("keeps a search as typed, spaces included", () => {
    expect(parseJobsFilters({ q: " spring sale " }).filters.q).toBe(" spring sale ");
  });

  it("ignores an absurdly long search", () => {
    const { filters, notes } = parseJobsFilters({ q: "x".repeat(5000) });
    expect(filters.q).toBe("");
    expect(notes[0]).toMatch(/longer than 2,048 characters/);
  });
});

describe("tag and “started by me” filters", () => {
  const signedIn = { startedBy: "ana@example.com" };

  it("reads a tag key, or a key and value split at the first =", () => {
    expect(parseJobsFilters({ tag: "team" }).filters.tag).toEqual({ key: "team" });
    expect(parseJobsFilters({ tag: " team = growth " }).filters.tag).toEqual({
      key: "team",
      value: "growth",
    });
    expect(parseTagFilter("dashboard:schedule=weekly=1")).toEqual({
      key: "dashboard:schedule",
      value: "weekly=1",
    });
    expect(parseTagFilter("team=")).toEqual({ key: "team", value: "" });
  });

  it("ignores a tag with no key or too long a part, with a note", () => {
    for (const tag of ["=growth", `${"k".repeat(129)}`, `team=${"v".repeat(257)}`]) {
      const { filters, notes } = parseJobsFilters({ tag });
      expect(filters.tag).toBeUndefined();
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/is not a tag key .* so it was ignored/);
    }
  });

  it("applies mine=1 for a signed-in person", () => {
    expect(parseJobsFilters({ mine: "1" }, signedIn)).toEqual({
      filters: { ...EMPTY_FILTERS, mine: true },
      notes: [],
    });
  });

  it("ignores mine=1 without sign-in and says why, rather than matching nothing", () => {
    const { filters, notes } = parseJobsFilters({ mine: "1" }, {});
    expect(filters.mine).toBeUndefined();
    expect(notes).toEqual([
      "The “started by me” filter was ignored: sign-in is off on this dashboard, so no job records who started it.",
    ]);
  });

  it("ignores another value of mine, with a note", () => {
    const { filters, notes } = parseJobsFilters({ mine: "yes" }, signedIn);
    expect(filters.mine).toBeUndefined();
    expect(notes).toEqual([
      "The “started by me” filter takes mine=1, not “yes”, so it was ignored.",
    ]);
  });

  it("writes both to the link, which reads back to the same view, and counts them as row filters", () => {
    const filters: JobsFilters = {
      ...EMPTY_FILTERS,
      tag: { key: "dashboard:schedule", value: "weekly-sports-fans" },
      mine: true,
    };
    const href = jobsListHref(filters);
    expect(href).toBe("/?tag=dashboard%3Aschedule%3Dweekly-sports-fans&mine=1");
    expect(parseJobsFilters(new URLSearchParams(href.slice(2)), signedIn).filters).toEqual(filters);
    expect(hasLoadedRowFilters(filters)).toBe(true);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, tag: { key: "team" } })).toBe(true);
    expect(clearedFilters(filters)).toEqual(EMPTY_FILTERS);
    // A link read alone (a saved view) keeps mine=1, whoever will open it.
    expect(parseJobsFilters({ mine: "1" }).filters.mine).toBe(true);
  });
});

describe("jobsFiltersToSearchParams", () => {
  it("leaves defaults out, so the plain list is `/`", () => {
    expect(jobsListHref(EMPTY_FILTERS)).toBe("/");
  });

  it("writes a canonical link that reads back to the same view", () => {
    const filters: JobsFilters = {
      model: MODEL,
      collaboration: COLLAB,
      status: ["CREATE_IN_PROGRESS", "ACTIVE"],
      q: "spring sale",
      sort: { field: "created", direction: "asc" },
    };
    const params = jobsFiltersToSearchParams(filters);
    expect([...params.keys()]).toEqual(["model", "collaboration", "status", "q", "sort"]);
    expect(params.get("status")).toBe("CREATE_IN_PROGRESS,ACTIVE");
    expect(params.get("sort")).toBe("created");
    expect(parseJobsFilters(params).filters).toEqual({
      ...filters,
      status: ["CREATE_IN_PROGRESS", "ACTIVE"],
    });
    expect(jobsListHref(filters)).toMatch(/^\/\?model=arn%3Aaws/);
  });
});

describe("filter helpers", () => {
  it("passes only the service-side filters to the service, named as its fields", () => {
    expect(serverFilters({ model: MODEL, collaboration: COLLAB })).toEqual({
      configuredAudienceModelArn: MODEL,
      collaborationId: COLLAB,
    });
    expect(serverFilters({})).toEqual({});
  });

  it("tells filters from the order", () => {
    expect(hasActiveFilters(EMPTY_FILTERS)).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, sort: { field: "name", direction: "asc" } })).toBe(
      false,
    );
    expect(hasActiveFilters({ ...EMPTY_FILTERS, q: "  " })).toBe(false);
    expect(hasActiveFilters({ ...EMPTY_FILTERS, collaboration: COLLAB })).toBe(true);
    expect(hasLoadedRowFilters({ ...EMPTY_FILTERS, collaboration: COLLAB })).toBe(false);
    expect(hasLoadedRowFilters({ ...EMPTY_FILTERS, status: ["ACTIVE"] })).toBe(true);
  });

  it("clears every filter but keeps the order", () => {
    const sort = { field: "name", direction: "desc" } as const;
    expect(
      clearedFilters({ model: MODEL, collaboration: COLLAB, status: ["ACTIVE"], q: "x", sort }),
    ).toEqual({
      ...EMPTY_FILTERS,
      sort,
    });
    expect(EMPTY_FILTERS.sort).toEqual(DEFAULT_SORT);
  });
});

describe("parseSortParam", () => {
  it("reads back every order sortParam writes, and nothing else", () => {
    for (const field of ["created", "updated", "name", "status"] as const)
      for (const direction of ["asc", "desc"] as const)
        expect(parseSortParam(sortParam({ field, direction }))).toEqual({ field, direction });
    expect(parseSortParam("-bogus")).toBeUndefined();
  });
});
