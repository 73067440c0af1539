import "server-only";

import { z } from "zod";

import type { ActionError } from "@/lib/action-result";
import { requireUser, type SignedInUser } from "@/lib/auth/session";
import { READ_AGE_HEADER, REFRESH_PARAM } from "@/lib/fetch-json";
import type { CachedRead } from "@/lib/reads/cache";
import { formatIssues } from "@/lib/schemas/issues";
import { CLEAN_ROOMS_ML_WORDS, routeError, type ServiceWords } from "@/lib/service-errors";

const refreshSchema = z
  .literal("1", { error: `${REFRESH_PARAM} must be 1 when given (a refresh the person asked for)` })
  .optional();

/** Errors and refusals are never stored by a browser or a proxy. */
const NO_STORE = { "cache-control": "no-store" };

function errorResponse(error: ActionError, status: number): Response {
  return Response.json({ error }, { status, headers: NO_STORE });
}

/** True when `If-None-Match` names this ETag (weak comparison, `*` included). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch
    .split(",")
    .map((tag) => tag.trim().replace(/^W\//, ""))
    .some((tag) => tag === "*" || tag === etag);
}

/** What a route's handler is given besides its query. */
export interface RouteContext {
  /** A refresh the person asked for ({@link REFRESH_PARAM}): a cached read skips the cache. */
  fresh: boolean;
  request: Request;
  /** The person asking (undefined in the local no-sign-in mode). */
  user: SignedInUser | undefined;
}

/** A handler's answer: a cached read (ETag, 304, its age), or a body never stored. */
export type RouteAnswer = CachedRead<unknown> | { status?: number; body: unknown };

const isCachedRead = (answer: RouteAnswer): answer is CachedRead<unknown> =>
  "etag" in answer && "readAt" in answer;

/**
 * The one builder of the dashboard's JSON routes (app/api/*). Reads go
 * through route handlers, not server actions, because Next.js runs a page's
 * server actions one at a time: a poll must never hold up a user's action.
 *
 * In order: the session check (with sign-in on, a request without a session
 * answers 401 before anything is read, cached or not); the query, parsed with
 * the route's schema plus {@link REFRESH_PARAM}; the handler. A cached read
 * (`lib/reads/cache.ts`) answers with an `ETag` and `Cache-Control: private,
 * no-cache`, so the browser asks again each time with `If-None-Match` and an
 * unchanged answer costs a bodiless 304, and says how old its data is
 * ({@link READ_AGE_HEADER}); any other answer is `no-store`. Whatever the
 * handler throws is mapped by the one error mapper, `routeError`
 * (lib/service-errors.ts), worded for the service the route calls; a request
 * the browser abandoned answers 499.
 */
export function jsonRoute<Q extends z.ZodObject>(
  querySchema: Q,
  handler: (query: z.infer<Q>, context: RouteContext) => Promise<RouteAnswer>,
  { service = CLEAN_ROOMS_ML_WORDS }: { service?: ServiceWords } = {},
): (request: Request) => Promise<Response> {
  const schema = querySchema.extend({ [REFRESH_PARAM]: refreshSchema });
  return async (request) => {
    const auth = await requireUser();
    if (!auth.ok) return errorResponse(auth.error, 401);
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = schema.safeParse(params);
    if (!parsed.success) {
      return errorResponse({ code: "InvalidInput", message: formatIssues(parsed.error) }, 400);
    }
    const { [REFRESH_PARAM]: refresh, ...query } = parsed.data as z.infer<Q> & { refresh?: "1" };
    try {
      const answer = await handler(query as z.infer<Q>, {
        fresh: refresh === "1",
        request,
        user: auth.user,
      });
      if (!isCachedRead(answer)) {
        return Response.json(answer.body, { status: answer.status ?? 200, headers: NO_STORE });
      }
      const headers = {
        "cache-control": "private, no-cache",
        etag: answer.etag,
        [READ_AGE_HEADER]: String(Math.max(0, Date.now() - answer.readAt)),
      };
      if (matches(request.headers.get("if-none-match"), answer.etag)) {
        return new Response(null, { status: 304, headers });
      }
      return new Response(answer.body, {
        headers: { ...headers, "content-type": "application/json" },
      });
    } catch (thrown) {
      if (request.signal.aborted) return new Response(null, { status: 499, headers: NO_STORE });
      const { status, error } = routeError(thrown, service);
      return errorResponse(error, status);
    }
  };
}
