import "server-only";

import { createHash } from "node:crypto";

import { isThrottlingError, type AudienceExportJobStatus } from "@/lib/cleanrooms-ml";
import { isExportInFlight, isInFlight } from "@/lib/job-status";
import { serviceBackoff, serviceIdentity } from "@/lib/service";

/**
 * The server's reads, coalesced and briefly cached (docs/ARCHITECTURE.md,
 * "Server reads: coalescing, caching and back-off"):
 *
 * - concurrent identical reads (same operation, same input, same AWS identity)
 *   share one call to the service;
 * - a page the person opens, or a refresh they ask for, reads the service
 *   again (joining a call under way); polls and other repeated reads are
 *   answered from the cache:
 * - an answer is served again for as long as {@link ttlOf} allows, which
 *   depends on what it holds (a job in flight: about a second);
 * - the dashboard's own actions drop the entries they change at once
 *   ({@link invalidateReads});
 * - while the service throttles an operation, its reads are answered from the
 *   entry they have, however old, rather than with an error; every answer
 *   carries the time it was read from the service, so the page can say how
 *   old it is.
 *
 * Callers check the session first: the cache never decides who may read.
 */

export type ReadOperation =
  | "GetAudienceGenerationJob"
  | "ListAudienceGenerationJobs"
  | "ListAudienceExportJobs"
  | "ListConfiguredAudienceModels"
  | "GetConfiguredAudienceModel"
  /** A job's tags, for the list's tag and "started by me" filters. */
  | "ListTagsForResource"
  | CollaborationReadOperation;

/**
 * The reads of AWS Clean Rooms and IAM behind the form's pickers and the
 * names shown for IDs (lib/reads/collaborations.ts): they change rarely.
 */
export type CollaborationReadOperation =
  | "ListMemberships"
  /** Every collaboration's model associations, each read whole (its configured model's ARN). */
  | "ListCollaborationConfiguredAudienceModelAssociations"
  | "GetCollaboration+ListMembers"
  | "ListCollaborationAnalysisTemplates"
  | "GetCollaborationAnalysisTemplate"
  | "GetProtectedQuery"
  | "ListRoles"
  /** Not an AWS operation: the roles of the newest jobs, read through the job reads. */
  | "RecentSeedRoles";

/** How long an answer may be served again, by what it holds. The whole policy is here. */
export const READ_TTL_MS = {
  /** Collaborations, members, analysis templates and roles: set up by an administrator, rarely changed. */
  collaborations: 5 * 60_000,
  /**
   * A job in flight changes status on its own: just under a second, so a
   * viewer polling every 2 s sees a change within 3 s of the service.
   */
  jobInFlight: 900,
  /** A final job changes only by tags, exports or deletion, which our actions invalidate at once. */
  jobFinal: 30_000,
  /** A list page with a job in flight. */
  jobsListInFlight: 1_000,
  /** A list page with every job final: new jobs started elsewhere show within this; ours invalidate. */
  jobsListSettled: 10_000,
  /** Exports of a job while one is being written. */
  exportsInFlight: 1_000,
  /** Exports of a job once all are final: new ones from this dashboard invalidate. */
  exportsSettled: 30_000,
  /** Configured models: set up by an administrator, rarely changed. */
  models: 5 * 60_000,
} as const;

/** How long an answer stays usable while the service throttles its operation. */
export const READ_STALE_MAX_MS = 10 * 60_000;
/** Entries kept at most (least recently stored dropped first). */
export const READ_CACHE_MAX_ENTRIES = 2_000;

type WithStatus = { status: string };

function anyJobInFlight(jobs: readonly WithStatus[]): boolean {
  return jobs.some((job) => isInFlight(job.status as Parameters<typeof isInFlight>[0]));
}

/** The time an answer of `operation` holding `data` may be served again. */
export function ttlOf(operation: ReadOperation, data: unknown): number {
  switch (operation) {
    case "GetAudienceGenerationJob":
      return anyJobInFlight([data as WithStatus]) ? READ_TTL_MS.jobInFlight : READ_TTL_MS.jobFinal;
    case "ListAudienceGenerationJobs":
      return anyJobInFlight(
        (data as { audienceGenerationJobs: WithStatus[] }).audienceGenerationJobs,
      )
        ? READ_TTL_MS.jobsListInFlight
        : READ_TTL_MS.jobsListSettled;
    case "ListAudienceExportJobs":
      return (data as WithStatus[]).some((e) =>
        isExportInFlight(e.status as AudienceExportJobStatus),
      )
        ? READ_TTL_MS.exportsInFlight
        : READ_TTL_MS.exportsSettled;
    case "ListTagsForResource":
      // Tags change by our own actions (which drop the job's entries) or from outside the dashboard.
      return READ_TTL_MS.jobFinal;
    case "ListConfiguredAudienceModels":
    case "GetConfiguredAudienceModel":
      return READ_TTL_MS.models;
    case "RecentSeedRoles":
      return READ_TTL_MS.jobsListSettled;
    case "GetProtectedQuery":
      return ["SUBMITTED", "STARTED", "CANCELLING"].includes(
        String((data as { status?: unknown }).status),
      )
        ? READ_TTL_MS.jobInFlight
        : READ_TTL_MS.collaborations;
    default:
      return READ_TTL_MS.collaborations;
  }
}

/** What a write can change; each cached read names the scopes it belongs to. */
export const readScope = {
  job: (jobArn: string) => `job ${jobArn}`,
  exports: (jobArn: string) => `exports ${jobArn}`,
  jobsList: "jobs list",
  models: "models",
  collaborations: "collaborations",
} as const;

/** One answer as the server holds it: the data, its JSON and ETag, and when the service gave it. */
export interface CachedRead<T> {
  /** Frozen: shared by every request it is served to. */
  readonly data: T;
  readonly body: string;
  /** A strong ETag of `body`. */
  readonly etag: string;
  /** When the service answered (ms since the epoch, server clock). */
  readonly readAt: number;
}

interface Entry extends CachedRead<unknown> {
  readonly freshUntil: number;
  readonly scopes: readonly string[];
}

interface Pending {
  readonly promise: Promise<Entry>;
  readonly scopes: readonly string[];
}

export interface ReadRequest<T> {
  operation: ReadOperation;
  /** The operation's input; its canonical JSON is part of the key. */
  input: Record<string, unknown>;
  /** Which writes make this answer wrong (see {@link readScope}). */
  scopes: readonly string[];
  /** The call to the service, returning JSON-safe data. */
  load: () => Promise<T>;
  /**
   * A read the person asked for (a page they open or reload, a refresh they
   * ask for): not answered from a kept entry, unless the service is throttling
   * the operation; it still joins a call under way.
   */
  fresh?: boolean;
}

export interface ReadCacheOptions {
  now?: () => number;
  /** Whether calls of an operation would have to wait for the shared back-off. */
  isBackingOff?: (operation: ReadOperation) => boolean;
  /** The AWS identity the server reads with. */
  identity?: () => Promise<string>;
  maxEntries?: number;
}

/** JSON with object keys sorted, so `{a, b}` and `{b, a}` are one key; undefined members left out. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>)
            .filter(([, member]) => member !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function etagOf(body: string): string {
  return `"${createHash("sha1").update(body).digest("base64url")}"`;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const member of Object.values(value)) deepFreeze(member);
  }
  return value;
}

export class ReadCache {
  private readonly entries = new Map<string, Entry>();
  private readonly pending = new Map<string, Pending>();
  /** Invalidations so far, per scope: an answer whose scope was invalidated while it was read is not kept. */
  private readonly invalidations = new Map<string, number>();
  private readonly now: () => number;
  private readonly isBackingOff: (operation: ReadOperation) => boolean;
  private readonly identity: () => Promise<string>;
  private readonly maxEntries: number;
  /** Calls made to the service, per operation (for tests and logs). */
  readonly calls = new Map<ReadOperation, number>();

  constructor(options: ReadCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.isBackingOff = options.isBackingOff ?? (() => false);
    this.identity = options.identity ?? (async () => "");
    this.maxEntries = options.maxEntries ?? READ_CACHE_MAX_ENTRIES;
  }

  async read<T>(request: ReadRequest<T>): Promise<CachedRead<T>> {
    const { operation, fresh = false } = request;
    const key = `${operation}\n${await this.identity()}\n${canonicalJson(request.input)}`;
    const now = this.now();
    let entry = this.entries.get(key);
    if (entry && now - entry.freshUntil > READ_STALE_MAX_MS) {
      this.entries.delete(key);
      entry = undefined;
    }
    if (entry && !fresh && now < entry.freshUntil) return entry as CachedRead<T>;
    // The service is throttling this operation: what we have, however old, rather than a wait or an error.
    if (entry && this.isBackingOff(operation)) return entry as CachedRead<T>;
    // A call under way is joined even by a fresh read: its answer is newer than anything kept.
    const joined = this.pending.get(key);
    if (joined) return (await joined.promise) as CachedRead<T>;

    const promise = this.call(key, request);
    const pending: Pending = { promise, scopes: request.scopes };
    this.pending.set(key, pending);
    try {
      return (await promise) as CachedRead<T>;
    } finally {
      if (this.pending.get(key) === pending) this.pending.delete(key);
    }
  }

  /** Drops every entry (and forgets every call under way) in any of these scopes. */
  invalidate(...scopes: string[]): void {
    const dropped = new Set(scopes);
    for (const scope of dropped)
      this.invalidations.set(scope, (this.invalidations.get(scope) ?? 0) + 1);
    const touches = (item: { scopes: readonly string[] }) =>
      item.scopes.some((s) => dropped.has(s));
    for (const [key, entry] of this.entries) if (touches(entry)) this.entries.delete(key);
    for (const [key, pending] of this.pending) if (touches(pending)) this.pending.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  private generation(scopes: readonly string[]): string {
    return scopes.map((scope) => this.invalidations.get(scope) ?? 0).join(",");
  }

  private async call<T>(key: string, request: ReadRequest<T>): Promise<Entry> {
    const { operation, scopes } = request;
    const generation = this.generation(scopes);
    let data: T;
    this.calls.set(operation, (this.calls.get(operation) ?? 0) + 1);
    try {
      // One load: the client's own retries, spaced by the shared back-off, are the only layer.
      data = await request.load();
    } catch (error) {
      // Throttled even after the client's retries: what we have, however old, if anything.
      const stale = isThrottlingError(error) ? this.entries.get(key) : undefined;
      if (stale) return stale;
      throw error;
    }
    const body = JSON.stringify(data);
    const readAt = this.now();
    const entry: Entry = {
      data: deepFreeze(data),
      body,
      etag: etagOf(body),
      readAt,
      freshUntil: readAt + ttlOf(operation, data),
      scopes,
    };
    const current = this.entries.get(key);
    // Not kept when a write changed it meanwhile, or a newer answer is already there.
    if (this.generation(scopes) === generation && (!current || current.readAt <= readAt)) {
      this.entries.delete(key);
      this.entries.set(key, entry);
      if (this.entries.size > this.maxEntries) {
        const oldest = this.entries.keys().next().value;
        if (oldest !== undefined) this.entries.delete(oldest);
      }
    }
    return entry;
  }
}

const CACHE_KEY = Symbol.for("cleanrooms-ml-dashboard.read-cache");
const processGlobals = globalThis as { [CACHE_KEY]?: ReadCache };

/**
 * The process's read cache. On `globalThis` because Next.js may load this
 * module once per server bundle, and pages, routes and actions must share it.
 */
export function readCache(): ReadCache {
  processGlobals[CACHE_KEY] ??= new ReadCache({
    isBackingOff: (operation) => serviceBackoff().isWaiting(operation),
    identity: serviceIdentity,
  });
  return processGlobals[CACHE_KEY];
}

/** For the dashboard's actions: drop what a write just changed. */
export function invalidateReads(...scopes: string[]): void {
  readCache().invalidate(...scopes);
}
