import { z } from "zod";

import { S3_PATH_MAX_LENGTH } from "@/lib/schemas/limits";
import { preflightSeed } from "@/lib/seeds/preflight";
import { seedRoute } from "@/lib/seeds/route";

export const dynamic = "force-dynamic";

/**
 * The preflight report of a seed: `?uri=s3://bucket/key` (a file, or a folder
 * read whole). Reading stops when the browser goes away (`request.signal`).
 */
export const GET = seedRoute(
  z.object({ uri: z.string().min(1).max(S3_PATH_MAX_LENGTH) }),
  async ({ uri }, request) => ({ body: await preflightSeed(uri, request.signal) }),
);
