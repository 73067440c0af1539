import { z } from "zod";

import { CSV_DELIMITERS } from "@/lib/seeds/convert";
import { SeedError } from "@/lib/seeds/errors";
import { seedRoute } from "@/lib/seeds/route";
import { uploadSeed } from "@/lib/seeds/upload";

export const dynamic = "force-dynamic";

const querySchema = z.discriminatedUnion("format", [
  z.object({
    format: z.literal("jsonl"),
    bucket: z.string().min(1).max(63),
    key: z.string().min(1).max(1024),
  }),
  z.object({
    format: z.literal("csv"),
    bucket: z.string().min(1).max(63),
    key: z.string().min(1).max(1024),
    column: z.coerce.number().int().min(0).max(10_000),
    delimiter: z.enum(CSV_DELIMITERS),
    header: z.string().max(1024).optional(),
  }),
]);

/**
 * Uploads a seed file: `POST ?bucket=&key=&format=csv|jsonl` (for CSV also
 * `column`, `delimiter` and the header's name of the column, `header`), the
 * file itself as the raw body (`application/octet-stream`), read as a stream
 * (lib/seeds/upload.ts). The type is also what keeps other sites out: a page
 * elsewhere cannot send it without a CORS preflight this route never grants,
 * and its Origin, when sent, must be this dashboard's.
 */
export const POST = seedRoute(z.object({}).loose(), async (_, request) => {
  const params = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!params.success) {
    throw new SeedError("InvalidInput", params.error.issues.map((i) => i.message).join("; "), 400);
  }
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/octet-stream" || !sameOrigin(request)) {
    throw new SeedError(
      "InvalidInput",
      "Send the file as the request body, application/octet-stream, from this dashboard's own page.",
      400,
    );
  }
  if (!request.body) throw new SeedError("SeedFileRejected", "The file is empty.", 422);
  const length = request.headers.get("content-length");
  const { bucket, key, ...rest } = params.data;
  const result = await uploadSeed({
    body: request.body,
    bucket,
    key,
    spec:
      rest.format === "csv"
        ? { format: "csv", column: rest.column, delimiter: rest.delimiter, header: rest.header }
        : { format: "jsonl" },
    signal: request.signal,
    contentLength: length === null ? undefined : Number(length),
  });
  return { status: 201, body: result };
});

/** True when the request carries no Origin, or this dashboard's own (by the Host it was sent to). */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
