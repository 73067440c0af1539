import "server-only";

import { z } from "zod";

import type { ActionError } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { READ_AGE_HEADER, REFRESH_PARAM } from "@/lib/fetch-json";
import type { CachedRead } from "@/lib/reads/cache";
import { formatIssues } from "@/lib/schemas/issues";
import { httpStatusOf, toActionError } from "@/lib/service-errors";

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

/**
 * A JSON read endpoint for the browser's queries. Reads go through route
 * handlers, not server actions, because Next.js runs a page's server actions
 * one at a time: a poll must never hold up a user's action.
 *
 * In order: the session check (with sign-in on, a request without a session
 * answers 401 before anything is read, cached or not); the query, parsed with
 * the route's schema plus {@link REFRESH_PARAM} (sent by the browser only for
 * a refresh the person asked for: the read then skips the cache); the read (coalesced and cached, see
 * `lib/reads/cache.ts`). A 200 carries an `ETag` and `Cache-Control: private,
 * no-cache`, so the browser asks again each time with `If-None-Match` and an
 * unchanged answer costs a bodiless 304; every answer says how old its data
 * is ({@link READ_AGE_HEADER}).
 */
export function jsonRoute<Q extends z.ZodObject>(
  querySchema: Q,
  handler: (query: z.infer<Q>, options: { fresh: boolean }) => Promise<CachedRead<unknown>>,
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
      const read = await handler(query as z.infer<Q>, { fresh: refresh === "1" });
      const headers = {
        "cache-control": "private, no-cache",
        etag: read.etag,
        [READ_AGE_HEADER]: String(Math.max(0, Date.now() - read.readAt)),
      };
      if (matches(request.headers.get("if-none-match"), read.etag)) {
        return new Response(null, { status: 304, headers });
      }
      return new Response(read.body, {
        headers: { ...headers, "content-type": "application/json" },
      });
    } catch (thrown) {
      const error = toActionError(thrown);
      return errorResponse(error, httpStatusOf(thrown, error));
    }
  };
}
