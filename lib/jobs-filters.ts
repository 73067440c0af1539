import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import {
  ARN_MAX_LENGTH,
  AUDIENCE_GENERATION_JOB_STATUSES,
  CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN,
  isArnOf,
  TAG_KEY_MAX_LENGTH,
  TAG_VALUE_MAX_LENGTH,
  UUID_PATTERN,
} from "@/lib/schemas/limits";

/**
 * The jobs list's view lives in the URL, so a filtered view is a link to share
 * and back/forward restore it. The parameters of `/`:
 *
 * | param           | meaning                                                     | applied by            |
 * | --------------- | ----------------------------------------------------------- | --------------------- |
 * | `model`         | configured audience model ARN                               | the service (filter)  |
 * | `collaboration` | collaboration ID (lowercase UUID)                           | the service (filter)  |
 * | `status`        | raw statuses, repeatable or comma-separated (`ACTIVE,CREATE_FAILED`) | the loaded rows |
 * | `q`             | text searched in job names                                  | the loaded rows       |
 * | `sort`          | `created`, `name`, `status` or `updated`; a leading `-` sorts descending. Default `-created` (newest first) | the loaded rows |
 * | `tag`           | a tag key (`team`) or key and value (`team=growth`, split at the first `=`) | the loaded rows' tags |
 * | `mine`          | `1`: jobs the signed-in person started (the `dashboard:started-by` tag) | the loaded rows' tags |
 *
 * `model` and `collaboration` are ListAudienceGenerationJobs parameters, so
 * they narrow every page the service sends. The service has no status or name
 * filter and no order parameter: status, search and sort work on the pages
 * loaded so far. `tag` and `mine` need each loaded job's tags, which the
 * list reads only while one of them is on (ListTagsForResource, in batches).
 * `mine` needs sign-in: in the local no-sign-in mode nobody is recorded as
 * starting a job, so it is ignored with a note. A value that does not parse is ignored, and `notes` says so
 * in plain words (a shared link with a typo must not break the page).
 */

export const SORT_FIELDS = ["created", "updated", "name", "status"] as const;
export type SortField = (typeof SORT_FIELDS)[number];
export interface JobsSort {
  field: SortField;
  direction: "asc" | "desc";
}
export const DEFAULT_SORT: JobsSort = { field: "created", direction: "desc" };

/** The direction a column sorts in when first chosen: newest first for dates, A→Z for text. */
export const FIRST_DIRECTION: Record<SortField, JobsSort["direction"]> = {
  created: "desc",
  updated: "desc",
  name: "asc",
  status: "asc",
};

export interface JobsFilters {
  /** Configured audience model ARN (service-side filter). */
  model?: string;
  /** Collaboration ID (service-side filter). */
  collaboration?: string;
  /** Raw statuses to show; empty means every status. */
  status: AudienceGenerationJobStatus[];
  /** Text searched in job names, as typed. */
  q: string;
  /** A tag the job must carry: the key, and the value when one is given. */
  tag?: TagFilter;
  /** Only jobs the signed-in person started. */
  mine?: boolean;
  sort: JobsSort;
}

export interface TagFilter {
  key: string;
  value?: string;
}

/** The filters that ListAudienceGenerationJobs applies itself, named as its request fields. */
export interface JobsServerFilters {
  configuredAudienceModelArn?: string;
  collaborationId?: string;
}

export const EMPTY_FILTERS: JobsFilters = { status: [], q: "", sort: DEFAULT_SORT };

/** A job ARN pasted into the search box can be this long; a longer `q` is no search anyone typed. */
const SEARCH_MAX_LENGTH = ARN_MAX_LENGTH;

// Plain checks, no zod: the list parses its URL in the browser too, and stays light (docs/ARCHITECTURE.md).
const SORT_PATTERN = new RegExp(`^-?(${SORT_FIELDS.join("|")})$`);

function isStatus(value: string): value is AudienceGenerationJobStatus {
  return (AUDIENCE_GENERATION_JOB_STATUSES as readonly string[]).includes(value);
}

/** A `sort` value ("-created", "name") as the order it names; undefined when it names none. */
export function parseSortParam(value: string): JobsSort | undefined {
  const sort = value.toLowerCase();
  if (!SORT_PATTERN.test(sort)) return undefined;
  return {
    field: sort.replace(/^-/, "") as SortField,
    direction: sort.startsWith("-") ? "desc" : "asc",
  };
}

type SearchParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function all(params: SearchParamsInput, key: string): string[] {
  if (params instanceof URLSearchParams) return params.getAll(key);
  const value = params[key];
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** The last non-blank value of a parameter (a hand-edited link may repeat one). */
function last(params: SearchParamsInput, key: string): string | undefined {
  const values = all(params, key)
    .map((v) => v.trim())
    .filter((v) => v !== "");
  return values.at(-1);
}

interface ParsedJobsFilters {
  filters: JobsFilters;
  /** One plain sentence per value that was ignored. */
  notes: string[];
}

/** `team` or `team=growth` as a tag filter; undefined when the key is empty or a part is too long. */
export function parseTagFilter(text: string): TagFilter | undefined {
  const at = text.indexOf("=");
  const key = (at < 0 ? text : text.slice(0, at)).trim();
  const value = at < 0 ? undefined : text.slice(at + 1).trim();
  if (key === "" || key.length > TAG_KEY_MAX_LENGTH) return undefined;
  if (value !== undefined && value.length > TAG_VALUE_MAX_LENGTH) return undefined;
  return value === undefined ? { key } : { key, value };
}

export function tagFilterText(tag: TagFilter): string {
  return tag.value === undefined ? tag.key : `${tag.key}=${tag.value}`;
}

/** What the list knows of the person looking at it. */
export interface JobsViewer {
  /** Their `dashboard:started-by` value (`whoTagValue`); undefined without sign-in. */
  startedBy?: string;
}

/**
 * URL → filters. Never throws: what does not parse is left out and named in `notes`.
 * `viewer`: who is looking, which says whether "Started by me" can apply (it
 * cannot without sign-in); left out, the link is read alone, `mine` kept
 * (a saved view is a link, whoever opens it).
 */
export function parseJobsFilters(
  params: SearchParamsInput,
  viewer?: JobsViewer,
): ParsedJobsFilters {
  const notes: string[] = [];
  const filters: JobsFilters = { ...EMPTY_FILTERS, status: [] };

  const model = last(params, "model");
  if (model !== undefined) {
    if (isArnOf(model, CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN)) filters.model = model;
    else
      notes.push(
        `The model filter “${short(model)}” is not a configured audience model ARN, so it was ignored.`,
      );
  }

  const collaboration = last(params, "collaboration");
  if (collaboration !== undefined) {
    const id = collaboration.toLowerCase();
    if (UUID_PATTERN.test(id)) filters.collaboration = id;
    else
      notes.push(
        `The collaboration filter “${short(collaboration)}” is not a collaboration ID, so it was ignored.`,
      );
  }

  const rawStatuses = all(params, "status")
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  const unknown: string[] = [];
  for (const raw of rawStatuses) {
    const status = raw.toUpperCase();
    if (!isStatus(status)) unknown.push(raw);
    else if (!filters.status.includes(status)) filters.status.push(status);
  }
  filters.status.sort(
    (a, b) =>
      AUDIENCE_GENERATION_JOB_STATUSES.indexOf(a) - AUDIENCE_GENERATION_JOB_STATUSES.indexOf(b),
  );
  if (unknown.length > 0) {
    notes.push(
      `${unknown.length === 1 ? "The status" : "The statuses"} ${unknown.map((s) => `“${short(s)}”`).join(", ")} ${
        unknown.length === 1 ? "is" : "are"
      } not known, so ${unknown.length === 1 ? "it was" : "they were"} ignored.`,
    );
  }

  const q = all(params, "q").at(-1);
  if (q !== undefined) {
    if (q.length <= SEARCH_MAX_LENGTH) filters.q = q;
    else
      notes.push(
        `The search in this link is longer than ${SEARCH_MAX_LENGTH.toLocaleString("en-US")} characters, so it was ignored.`,
      );
  }

  const tag = last(params, "tag");
  if (tag !== undefined) {
    const parsed = parseTagFilter(tag);
    if (parsed) filters.tag = parsed;
    else
      notes.push(
        `The tag filter “${short(tag)}” is not a tag key (at most ${TAG_KEY_MAX_LENGTH} characters) or key=value (a value of at most ${TAG_VALUE_MAX_LENGTH}), so it was ignored.`,
      );
  }

  const mine = last(params, "mine");
  if (mine !== undefined) {
    if (mine !== "1")
      notes.push(
        `The “started by me” filter takes mine=1, not “${short(mine)}”, so it was ignored.`,
      );
    else if (viewer && viewer.startedBy === undefined)
      notes.push(
        "The “started by me” filter was ignored: sign-in is off on this dashboard, so no job records who started it.",
      );
    else filters.mine = true;
  }

  const sort = last(params, "sort");
  if (sort !== undefined) {
    const parsed = parseSortParam(sort);
    if (parsed) filters.sort = parsed;
    else
      notes.push(
        `The order “${short(sort)}” is not one the list knows, so jobs are shown newest first.`,
      );
  }

  return { filters, notes };
}

function short(value: string): string {
  return value.length > 60 ? `${value.slice(0, 57)}…` : value;
}

export function sortParam(sort: JobsSort): string {
  return `${sort.direction === "desc" ? "-" : ""}${sort.field}`;
}

function isDefaultSort(sort: JobsSort): boolean {
  return sort.field === DEFAULT_SORT.field && sort.direction === DEFAULT_SORT.direction;
}

/** Filters → URL query, in a fixed order and without defaults, so equal views give equal links. */
export function jobsFiltersToSearchParams(filters: JobsFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.model) params.set("model", filters.model);
  if (filters.collaboration) params.set("collaboration", filters.collaboration);
  if (filters.status.length > 0) params.set("status", filters.status.join(","));
  if (filters.q !== "") params.set("q", filters.q);
  if (filters.tag) params.set("tag", tagFilterText(filters.tag));
  if (filters.mine) params.set("mine", "1");
  if (!isDefaultSort(filters.sort)) params.set("sort", sortParam(filters.sort));
  return params;
}

/** `/` or `/?model=…`: the list's address for these filters. */
export function jobsListHref(filters: JobsFilters): string {
  const query = jobsFiltersToSearchParams(filters).toString();
  return query ? `/?${query}` : "/";
}

/** The part of the filters that ListAudienceGenerationJobs applies, with no undefined keys. */
export function serverFilters(
  filters: Pick<JobsFilters, "model" | "collaboration">,
): JobsServerFilters {
  const result: JobsServerFilters = {};
  if (filters.model) result.configuredAudienceModelArn = filters.model;
  if (filters.collaboration) result.collaborationId = filters.collaboration;
  return result;
}

/** True when anything narrows the list (the order does not). */
export function hasActiveFilters(filters: JobsFilters): boolean {
  return Boolean(filters.model || filters.collaboration || hasLoadedRowFilters(filters));
}

/** True when a filter applies to the loaded rows only (status, search, tag, started by me). */
export function hasLoadedRowFilters(filters: JobsFilters): boolean {
  return filters.status.length > 0 || filters.q.trim() !== "" || hasTagFilters(filters);
}

/** True when a filter needs the loaded jobs' tags (the tag filter, started by me). */
export function hasTagFilters(filters: Pick<JobsFilters, "tag" | "mine">): boolean {
  return Boolean(filters.tag || filters.mine);
}

/** Every filter removed; the order is kept (it is a way of looking, not a filter). */
export function clearedFilters(filters: JobsFilters): JobsFilters {
  return { ...EMPTY_FILTERS, status: [], sort: filters.sort };
}
