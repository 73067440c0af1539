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
 * for a refresh the person asked for (`fetchJson(url, { fresh: true })`).
 */
export const REFRESH_PARAM = "refresh";

/** Response header: milliseconds between the service's answer and the response (how old the data is). */
export const READ_AGE_HEADER = "x-read-age-ms";

/** When the service answered for each URL last read, in this browser's clock. */
const readTimes = new Map<string, number>();

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
 * `fresh`: a refresh the person asked for (or that must show their own
 * change), which asks the server not to answer from its cache. Polls and
 * ordinary reads leave it out.
 */
export async function fetchJson<T>(
  url: string,
  init?: { signal?: AbortSignal; fresh?: boolean },
): Promise<T> {
  const target = init?.fresh ? `${url}${url.includes("?") ? "&" : "?"}${REFRESH_PARAM}=1` : url;
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
