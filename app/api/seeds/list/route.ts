import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { listSeedFolder } from "@/lib/seeds/browse";
import { S3_WORDS } from "@/lib/seeds/errors";

export const dynamic = "force-dynamic";

/** One page of a seed folder: `?bucket=&prefix=` (a folder, ending with `/`, or ""), optional `search` and `token`. */
export const GET = jsonRoute(
  z.object({
    bucket: z.string().min(1).max(63),
    prefix: z
      .string()
      .max(1024)
      .refine((p) => p === "" || p.endsWith("/"), {
        error: "prefix must be a folder, ending with /",
      }),
    search: z.string().max(1024).optional(),
    token: z.string().max(10_240).optional(),
  }),
  async (query) => ({ body: await listSeedFolder(query) }),
  { service: S3_WORDS },
);
