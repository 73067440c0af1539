import "server-only";

import { z } from "zod";

import { requireUser } from "@/lib/auth/session";
import { formatIssues } from "@/lib/schemas/issues";

import { toSeedError } from "./errors";

const NO_STORE = { "cache-control": "no-store" };

/**
 * A seed route (app/api/seeds/*): the session check first (401 before
 * anything is read), the query parsed with its schema, then the handler. S3
 * answers are not cached: a seed is read when the person asks, and an upload
 * must show at once. Every answer is `Cache-Control: no-store`; errors carry
 * the mapped error (lib/seeds/errors.ts) and S3's HTTP status.
 */
export function seedRoute<Q extends z.ZodObject>(
  querySchema: Q,
  handler: (query: z.infer<Q>, request: Request) => Promise<{ status?: number; body: unknown }>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    const auth = await requireUser();
    if (!auth.ok) return Response.json({ error: auth.error }, { status: 401, headers: NO_STORE });
    const parsed = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!parsed.success) {
      return Response.json(
        { error: { code: "InvalidInput", message: formatIssues(parsed.error) } },
        { status: 400, headers: NO_STORE },
      );
    }
    try {
      const { status = 200, body } = await handler(parsed.data, request);
      return Response.json(body, { status, headers: NO_STORE });
    } catch (thrown) {
      if (request.signal.aborted) return new Response(null, { status: 499, headers: NO_STORE });
      const { status, error } = toSeedError(thrown);
      return Response.json({ error }, { status, headers: NO_STORE });
    }
  };
}
