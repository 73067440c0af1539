import "server-only";

import type { z } from "zod";

import type { ActionError } from "@/lib/action-result";
import { requireUser } from "@/lib/auth/session";
import { formatIssues } from "@/lib/schemas/issues";
import { httpStatusOf, toActionError } from "@/lib/service-errors";

/**
 * A JSON read endpoint for the browser's queries. Reads go through route
 * handlers, not server actions, because Next.js runs a page's server actions
 * one at a time: a poll must never hold up a user's action. With sign-in on,
 * a request without a session answers 401 before anything is read.
 */
export function jsonRoute<Q extends z.ZodType>(
  querySchema: Q,
  handler: (query: z.infer<Q>) => Promise<unknown>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const auth = await requireUser();
    if (!auth.ok) return Response.json({ error: auth.error }, { status: 401, headers: { "cache-control": "no-store" } });
    const params = Object.fromEntries(new URL(request.url).searchParams);
    const parsed = querySchema.safeParse(params);
    if (!parsed.success) {
      const error: ActionError = { code: "InvalidInput", message: formatIssues(parsed.error) };
      return Response.json({ error }, { status: 400 });
    }
    try {
      return Response.json(await handler(parsed.data), { headers: { "cache-control": "no-store" } });
    } catch (thrown) {
      const error = toActionError(thrown);
      return Response.json({ error }, { status: httpStatusOf(thrown, error) });
    }
  };
}
