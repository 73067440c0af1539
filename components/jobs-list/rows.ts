import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { isDeletionStatus, JOB_STATUS_ORDER, jobStatusFacts, statusRank } from "@/lib/job-status";
import type { JobsFilters, JobsSort, TagFilter } from "@/lib/jobs-filters";
import type { JobsPageData, JobSummaryData } from "@/lib/reads/jobs";
import { STARTED_BY_TAG } from "@/lib/schemas/dashboard-tags";

/**
 * Pure list logic (no React): pages → rows, the status and name filters, the
 * order. Status, search and sort work on the loaded rows only; the service
 * has no parameter for them.
 */

/** Every loaded job once, in the service's order (a job can repeat across pages if the list moved between calls). */
export function rowsFromPages(
  pages: readonly Pick<JobsPageData, "audienceGenerationJobs">[],
): JobSummaryData[] {
  const seen = new Set<string>();
  const rows: JobSummaryData[] = [];
  for (const page of pages) {
    for (const job of page.audienceGenerationJobs) {
      if (seen.has(job.audienceGenerationJobArn)) continue;
      seen.add(job.audienceGenerationJobArn);
      rows.push(job);
    }
  }
  return rows;
}

/** Case- and accent-insensitive form of a name for searching. */
function normalizeForSearch(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("en-US").trim();
}

/**
 * Each loaded job's searchable name, made once per job rather than once per
 * keystroke: with thousands of jobs loaded, normalizing every name again was
 * most of a keystroke's time in the search. A refreshed job is a new object,
 * so its entry is made again; dropped jobs are let go with them.
 */
const searchNames = new WeakMap<JobSummaryData, string>();
function searchNameOf(job: JobSummaryData): string {
  let name = searchNames.get(job);
  if (name === undefined) {
    name = normalizeForSearch(job.name);
    searchNames.set(job, name);
  }
  return name;
}

/** What the tag filters compare with: the loaded jobs' tags, and who is looking. */
export interface TagsContext {
  /** A job's tags; undefined while they are not read (the job is then left out). */
  tagsOf: (jobArn: string) => Record<string, string> | undefined;
  /** The signed-in person's `dashboard:started-by` value (`whoTagValue`). */
  startedBy?: string;
}

function hasTag(tags: Record<string, string>, tag: TagFilter): boolean {
  return Object.hasOwn(tags, tag.key) && (tag.value === undefined || tags[tag.key] === tag.value);
}

/**
 * The loaded rows the filters let through. The tag filter and "started by
 * me" compare the jobs' tags (`tags`): a job whose tags are not known yet
 * does not match, so the list says while it reads them. Tag keys and values
 * are compared exactly, as AWS does.
 */
export function filterRows(
  rows: readonly JobSummaryData[],
  filters: Pick<JobsFilters, "status" | "q" | "tag" | "mine">,
  tags?: TagsContext,
): JobSummaryData[] {
  const statuses = new Set(filters.status);
  const needle = normalizeForSearch(filters.q);
  const { tag, mine } = filters;
  const startedBy = tags?.startedBy;
  return rows.filter((job) => {
    if (statuses.size > 0 && !statuses.has(job.status)) return false;
    if (needle !== "" && !searchNameOf(job).includes(needle)) return false;
    if (!tag && !mine) return true;
    const jobTags = tags?.tagsOf(job.audienceGenerationJobArn);
    if (!jobTags) return false;
    if (tag && !hasTag(jobTags, tag)) return false;
    if (mine && (startedBy === undefined || jobTags[STARTED_BY_TAG] !== startedBy)) return false;
    return true;
  });
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });
const time = (iso: string) => Date.parse(iso) || 0;

/**
 * A stable sort; ties fall back to newest first, then the ARN, so the order
 * never flickers between refreshes. Each row's times are read once, not at
 * every comparison (thousands of rows make tens of thousands of them).
 */
export function sortRows(rows: readonly JobSummaryData[], sort: JobsSort): JobSummaryData[] {
  const sign = sort.direction === "asc" ? 1 : -1;
  const keyed = rows.map((job) => ({
    job,
    created: time(job.createTime),
    updated: sort.field === "updated" ? time(job.updateTime) : 0,
    rank: sort.field === "status" ? statusRank(job.status) : 0,
  }));
  type Keyed = (typeof keyed)[number];
  const primary = (a: Keyed, b: Keyed): number => {
    switch (sort.field) {
      case "name":
        return collator.compare(a.job.name, b.job.name);
      case "status":
        return a.rank - b.rank;
      case "updated":
        return a.updated - b.updated;
      case "created":
        return a.created - b.created;
    }
  };
  return keyed
    .sort(
      (a, b) =>
        sign * primary(a, b) ||
        b.created - a.created ||
        a.job.audienceGenerationJobArn.localeCompare(b.job.audienceGenerationJobArn),
    )
    .map(({ job }) => job);
}

export interface StatusChoice {
  label: string;
  statuses: AudienceGenerationJobStatus[];
  /** A status few jobs are ever in (the deletion lifecycle): offered only when it is there to find. */
  rare: boolean;
}

/** Status filter choices: one per label ("Deleting" covers both deletion states), raw statuses behind each. */
export const STATUS_CHOICES: readonly StatusChoice[] = (() => {
  const byLabel = new Map<string, AudienceGenerationJobStatus[]>();
  for (const status of JOB_STATUS_ORDER) {
    const label = jobStatusFacts(status).label;
    byLabel.set(label, [...(byLabel.get(label) ?? []), status]);
  }
  return [...byLabel].map(([label, statuses]) => ({
    label,
    statuses,
    rare: statuses.every(isDeletionStatus),
  }));
})();

/**
 * The status choices the toolbar offers: every common one, and a rare one
 * only when a loaded job is in it or the URL already filters by it (so a
 * filter that is on can always be seen and turned off).
 */
export function shownStatusChoices(
  rows: readonly Pick<JobSummaryData, "status">[],
  selected: readonly AudienceGenerationJobStatus[],
): StatusChoice[] {
  const present = new Set<AudienceGenerationJobStatus>([
    ...rows.map((row) => row.status),
    ...selected,
  ]);
  return STATUS_CHOICES.filter(
    (choice) => !choice.rare || choice.statuses.some((status) => present.has(status)),
  );
}

/** Every row's job and status in one string: equal while no job is added, dropped or moved on. */
export function statusKeyOf(rows: readonly JobSummaryData[]): string {
  return rows.map((job) => `${job.audienceGenerationJobArn}=${job.status}`).join("|");
}

/** Status changes between two sets of rows, for the screen-reader announcement. */
export function statusChanges(
  before: ReadonlyMap<string, AudienceGenerationJobStatus>,
  rows: readonly JobSummaryData[],
): { name: string; status: AudienceGenerationJobStatus }[] {
  const changes: { name: string; status: AudienceGenerationJobStatus }[] = [];
  for (const job of rows) {
    const previous = before.get(job.audienceGenerationJobArn);
    if (previous !== undefined && previous !== job.status)
      changes.push({ name: job.name, status: job.status });
  }
  return changes;
}

/** The last segment of an ARN: what a model is called when its name is not known. */
export function arnTail(arn: string): string {
  return arn.split("/").at(-1) || arn;
}

/** How much of a failure message a row shows before cutting it. */
const FAILURE_MESSAGE_CHARS = 90;

/**
 * A failed job's reason in a line: "SEED_TOO_FEW_USERS: Ten users: fewer than…",
 * the code and the start of the message (cut at a word where it can be).
 * Undefined when the service gave neither.
 */
export function failureSummary(details: {
  statusCode?: string;
  message?: string;
}): string | undefined {
  const code = details.statusCode?.trim();
  let message = details.message?.trim().replace(/\s+/g, " ");
  if (message) {
    const chars = [...message];
    if (chars.length > FAILURE_MESSAGE_CHARS) {
      const cut = chars.slice(0, FAILURE_MESSAGE_CHARS).join("");
      const space = cut.lastIndexOf(" ");
      message = `${(space > FAILURE_MESSAGE_CHARS / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
    }
  }
  if (code && message) return `${code}: ${message}`;
  return code || message || undefined;
}
