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

/** GET one of the dashboard's own JSON routes from the browser. */
export async function fetchJson<T>(url: string, init?: { signal?: AbortSignal }): Promise<T> {
  const response = await fetch(url, {
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
  return body as T;
}

/**
 * A failed read in words: the one place that turns whatever a query threw into
 * the error shape the UI shows. A route's answer keeps the service's message
 * and hint; anything else means the dashboard itself did not answer.
 */
export function readErrorOf(error: unknown): ActionError {
  if (error instanceof RouteError) return error.error;
  return {
    code: "NetworkError",
    message: "The dashboard did not answer.",
    hint: "Check your connection, then try again.",
  };
}
