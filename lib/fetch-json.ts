import type { ActionError } from "@/lib/action-result";

/** An error from one of our JSON routes (or a server read), carrying the mapped service error. */
export class RouteError extends Error {
  override name = "RouteError";
  constructor(
    readonly status: number,
    readonly error: ActionError,
  ) {
    super(error.message);
  }
}

/**
 * The query parameter that makes a read skip the server's cache. Sent only
 * for a refresh the person asked for (see {@link whileRefreshing}).
 */
export const REFRESH_PARAM = "refresh";

/** Response header: milliseconds between the service's answer and the response (how old the data is). */
export const READ_AGE_HEADER = "x-read-age-ms";

/** Route paths (without query) whose reads currently skip the server's cache. */
const refreshing = new Map<string, number>();
/** When the service answered for each URL last read, in this browser's clock. */
const readTimes = new Map<string, number>();

const pathOf = (url: string) => url.split("?", 1)[0] ?? url;

/**
 * Runs a refresh the person asked for: every read of `path` (e.g. `/api/job`)
 * that starts before `run` settles asks the server not to answer from its
 * cache. Polls and focus refreshes never go through here.
 */
export async function whileRefreshing<T>(path: string, run: () => Promise<T>): Promise<T> {
  refreshing.set(path, (refreshing.get(path) ?? 0) + 1);
  try {
    return await run();
  } finally {
    const left = (refreshing.get(path) ?? 1) - 1;
    if (left > 0) refreshing.set(path, left);
    else refreshing.delete(path);
  }
}

/** How long after the person comes back to the tab a read still counts as theirs. */
const RETURN_WINDOW_MS = 1_000;
const refreshedOnReturn = new Set<string>();
let returnedAt = -Infinity;

/**
 * Coming back to the tab is a refresh the person asks for on `path` (the
 * jobs list: jobs started elsewhere are what they come back for): the reads
 * that the return sets off skip the server's cache. Browser only.
 */
export function refreshOnReturnToTab(path: string): void {
  if (typeof document === "undefined") return;
  if (refreshedOnReturn.size === 0) {
    // On the document, so it runs before TanStack Query's listener on the window starts the refetch.
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") returnedAt = Date.now();
    });
  }
  refreshedOnReturn.add(path);
}

function askedFor(path: string): boolean {
  if (refreshing.has(path)) return true;
  return refreshedOnReturn.has(path) && Date.now() - returnedAt < RETURN_WINDOW_MS;
}

/**
 * When the service gave the data last read from `url` (ms since the epoch,
 * this browser's clock), as the route reported it; undefined before any read.
 */
export function readTimeOf(url: string): number | undefined {
  return readTimes.get(url);
}

/**
 * GET one of the dashboard's own JSON routes from the browser. The browser's
 * HTTP cache revalidates with the route's ETag, so an unchanged answer is a 304.
 */
export async function fetchJson<T>(url: string, init?: { signal?: AbortSignal }): Promise<T> {
  const fresh = askedFor(pathOf(url));
  const target = fresh ? `${url}${url.includes("?") ? "&" : "?"}${REFRESH_PARAM}=1` : url;
  const response = await fetch(target, {
    signal: init?.signal,
    headers: { accept: "application/json" },
  });
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = (body as { error?: ActionError } | undefined)?.error ?? {
      code: "NetworkError",
      message: `The dashboard answered HTTP ${response.status}.`,
    };
    throw new RouteError(response.status, error);
  }
  const age = Number(response.headers.get(READ_AGE_HEADER));
  if (response.headers.has(READ_AGE_HEADER) && Number.isFinite(age) && age >= 0) {
    readTimes.set(url, Date.now() - age);
  }
  return body as T;
}

/**
 * A failed read in words: the one place that turns whatever a query threw into
 * the error shape the UI shows. A route's answer keeps the service's message
 * and hint; anything else means the dashboard itself did not answer.
 */
export function readErrorOf(error: unknown): ActionError {
  if (error instanceof RouteError) return error.error;
  return DASHBOARD_NO_ANSWER;
}

/** A call to the dashboard (a read, a server action, an upload) that never came back, in words. */
export const DASHBOARD_NO_ANSWER: ActionError = {
  code: "NetworkError",
  message: "The dashboard did not answer.",
  hint: "Check your connection, then try again.",
};
