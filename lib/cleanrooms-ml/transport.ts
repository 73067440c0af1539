/**
 * One HTTP attempt over the global `fetch`, with a per-attempt timeout and
 * the caller's abort signal. Failures come out named so the retry loop can
 * tell them apart: `AbortError` (caller), `TimeoutError`, `NetworkingError`.
 */
import type { HttpRequest } from "@smithy/protocol-http";

import { formatQuery, type RawResponse } from "./protocol";
import { abortError } from "./retry";

export function requestUrl(request: HttpRequest): string {
  const port = request.port === undefined ? "" : `:${request.port}`;
  return `${request.protocol}//${request.hostname}${port}${request.path}${formatQuery(request.query)}`;
}

export function timeoutError(ms: number): Error {
  const error = new Error(`Request timed out after ${ms} ms`);
  error.name = "TimeoutError";
  return error;
}

/**
 * A connection failure (refused, reset, DNS…). A TypeError whose message
 * starts "fetch failed", as the raw fetch error does, so code written for
 * fetch still recognises it; it adds the cause and the URL.
 */
export class NetworkingError extends TypeError {
  override readonly name = "NetworkingError";
}

function networkingError(cause: unknown, request: HttpRequest): NetworkingError {
  // fetch's own error only says "fetch failed"; the reason (e.g. ECONNREFUSED) is its cause.
  const reason: unknown = cause instanceof Error ? (cause.cause ?? cause) : cause;
  const code = (reason as { code?: unknown } | null)?.code;
  const message = reason instanceof Error ? reason.message : String(reason);
  const detail = message || (typeof code === "string" ? code : "connection failed");
  return new NetworkingError(`fetch failed: ${detail} (${request.method} ${requestUrl(request)})`, {
    cause,
  });
}

/**
 * Sends `request` and reads the whole response body. `timeoutMs` covers the
 * full exchange (headers and body); 0 or Infinity disables it.
 */
export async function sendHttpRequest(
  request: HttpRequest,
  options: { abortSignal?: AbortSignal; timeoutMs: number },
): Promise<RawResponse> {
  const { abortSignal, timeoutMs } = options;
  if (abortSignal?.aborted) throw abortError(abortSignal);

  const controller = new AbortController();
  let timedOut = false;
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeoutMs)
      : undefined;
  const onAbort = () => controller.abort();
  abortSignal?.addEventListener("abort", onAbort, { once: true });

  // `host` is implied by the URL; fetch sets the same value itself.
  const headers = Object.fromEntries(
    Object.entries(request.headers).filter(([name]) => name.toLowerCase() !== "host"),
  );
  try {
    const response = await fetch(requestUrl(request), {
      method: request.method,
      headers,
      body: request.body as string | undefined,
      signal: controller.signal,
      redirect: "manual",
    });
    const body = await response.text();
    return {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
      body,
    };
  } catch (cause) {
    if (abortSignal?.aborted) throw abortError(abortSignal);
    if (timedOut) throw timeoutError(timeoutMs);
    throw networkingError(cause, request);
  } finally {
    clearTimeout(timer);
    abortSignal?.removeEventListener("abort", onAbort);
  }
}
