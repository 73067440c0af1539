import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { S3_PATH_MAX_LENGTH } from "@/lib/schemas/limits";
import { S3_WORDS } from "@/lib/seeds/errors";
import { preflightSeed } from "@/lib/seeds/preflight";
import { seedWorkSlots } from "@/lib/seeds/work-slots";

export const dynamic = "force-dynamic";

/**
 * The preflight report of a seed: `?uri=s3://bucket/key` (a file, or a folder
 * read whole). Reading stops when the browser goes away (`request.signal`).
 * A few run at once per person and in all (lib/seeds/work-slots.ts).
 */
export const GET = jsonRoute(
  z.object({ uri: z.string().min(1).max(S3_PATH_MAX_LENGTH) }),
  async ({ uri }, { request, user }) => ({
    body: await seedWorkSlots().run("preflight", user?.identity ?? "", () =>
      preflightSeed(uri, request.signal),
    ),
  }),
  { service: S3_WORDS },
);
