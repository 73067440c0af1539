import { z } from "zod";

import { jsonRoute } from "@/lib/api-route";
import { guardRequest, isHttps, refusalJson, setSecurityHeaders } from "@/lib/auth/request-guard";
import { STATIC_CONTENT_SECURITY_POLICY } from "@/lib/auth/security-headers";
import { CSV_DELIMITERS } from "@/lib/seeds/convert";
import { S3_WORDS, SeedError } from "@/lib/seeds/errors";
import { uploadSeed } from "@/lib/seeds/upload";
import { seedWorkSlots } from "@/lib/seeds/work-slots";

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
 * (lib/seeds/upload.ts). The type is also a second wall against other sites:
 * a page elsewhere cannot send it without a CORS preflight this route never
 * grants (the request guard below is the first).
 */
const upload = jsonRoute(
  z.object({}).loose(),
  async (_, { request, user }) => {
    const params = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
    if (!params.success) {
      throw new SeedError(
        "InvalidInput",
        params.error.issues.map((i) => i.message).join("; "),
        400,
      );
    }
    const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
    if (type !== "application/octet-stream") {
      throw new SeedError(
        "InvalidInput",
        "Send the file as the request body, application/octet-stream, from this dashboard's own page.",
        400,
      );
    }
    const body = request.body;
    if (!body) throw new SeedError("SeedFileRejected", "The file is empty.", 422);
    const length = request.headers.get("content-length");
    const { bucket, key, ...rest } = params.data;
    const result = await seedWorkSlots().run("upload", user?.identity ?? "", () =>
      uploadSeed({
        body,
        bucket,
        key,
        spec:
          rest.format === "csv"
            ? { format: "csv", column: rest.column, delimiter: rest.delimiter, header: rest.header }
            : { format: "jsonl" },
        signal: request.signal,
        contentLength: length === null ? undefined : Number(length),
      }),
    );
    return { status: 201, body: result };
  },
  { service: S3_WORDS },
);

/**
 * This route is left out of proxy.ts's matcher (SEED_UPLOAD_PATH): Next.js
 * copies the body of every request its proxy sees into memory, and cuts it at
 * 10 MB (`proxyClientMaxBodySize`), which would hold and truncate a 50 MB
 * upload. So it applies the proxy's own request guard and security headers
 * here (lib/auth/request-guard.ts); the session is checked by jsonRoute.
 */
export async function POST(request: Request): Promise<Response> {
  const { refusal } = guardRequest(request);
  const response = refusal ? Response.json(...refusalJson(refusal)) : await upload(request);
  setSecurityHeaders(response.headers, STATIC_CONTENT_SECURITY_POLICY, isHttps(request));
  return response;
}
