import { z } from "zod";

import { authConfig, type AuthConfig } from "@/lib/auth/config";
import {
  securityHeaders,
  STATIC_CONTENT_SECURITY_POLICY,
  STRICT_TRANSPORT_SECURITY,
} from "@/lib/auth/security-headers";
import { isLoopbackHost } from "@/lib/loopback";
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
const upload = seedRoute(z.object({}).loose(), async (_, request) => {
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

/**
 * This route is left out of proxy.ts's matcher: Next.js copies the body of
 * every request its proxy sees into memory, and cuts it at 10 MB
 * (`proxyClientMaxBodySize`), which would hold and truncate a 50 MB upload.
 * So it does here what the proxy does for every other route: the security
 * headers, and without sign-in a loopback Host only. The session (seedRoute)
 * and the origin (above) are checked as well.
 */
export async function POST(request: Request): Promise<Response> {
  let response: Response;
  let mode: AuthConfig["mode"] | undefined;
  try {
    mode = authConfig().mode;
  } catch {
    mode = undefined; // seedRoute's session check answers it
  }
  const host = request.headers.get("host") ?? new URL(request.url).host;
  if (mode === "none" && !isLoopbackHost(hostnameOf(host))) {
    response = Response.json(
      {
        error: {
          code: "Forbidden",
          message:
            "This dashboard runs without sign-in, so it answers only at a loopback address such as http://127.0.0.1.",
        },
      },
      { status: 403, headers: { "cache-control": "no-store" } },
    );
  } else {
    response = await upload(request);
  }
  for (const [name, value] of Object.entries(securityHeaders(STATIC_CONTENT_SECURITY_POLICY))) {
    response.headers.set(name, value);
  }
  if (request.headers.get("x-forwarded-proto")?.includes("https")) {
    response.headers.set("strict-transport-security", STRICT_TRANSPORT_SECURITY);
  }
  return response;
}

function hostnameOf(host: string): string {
  try {
    return new URL(`http://${host}`).hostname;
  } catch {
    return "";
  }
}

/** True when the request carries no Origin, or this dashboard's own (by the Host it was sent to). */
function sameOrigin(request: Request): boolean {
  const origin = request.headers.get("origin");
  if (origin === null) return true;
  const host =
    request.headers.get("x-forwarded-host") ??
    request.headers.get("host") ??
    new URL(request.url).host;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
