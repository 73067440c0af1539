import "server-only";

import type { QueryClient } from "@tanstack/react-query";

import { readCollaboration, readMemberships } from "@/lib/reads/collaborations";
import { UUID_PATTERN } from "@/lib/schemas/limits";

import { collaborationQuery, membershipsQuery } from "./collaborations";
import { fromServer } from "./prefetch";

/**
 * The names a page shows for IDs, read on the server with the page so it
 * paints names rather than account and collaboration IDs that then change:
 * the caller's memberships (the collaborations' names, and "You" for a job
 * of no collaboration) and each named collaboration's name and members.
 * Cached reads, like every read (`READ_TTL_MS.collaborations`); a name that
 * cannot be read falls back to the ID in the browser, as before.
 */
export async function prefetchNames(
  queryClient: QueryClient,
  collaborationIds: Iterable<string | undefined>,
): Promise<void> {
  const ids = new Set([...collaborationIds].filter((id) => id && UUID_PATTERN.test(id)));
  await Promise.all([
    queryClient.prefetchQuery({
      ...membershipsQuery(),
      ...fromServer(async () => (await readMemberships()).data),
    }),
    ...[...ids].map((id) =>
      queryClient.prefetchQuery({
        ...collaborationQuery(id!),
        ...fromServer(async () => (await readCollaboration(id!)).data),
      }),
    ),
  ]);
}
