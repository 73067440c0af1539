import "server-only";

import { S3Client } from "@aws-sdk/client-s3";

import { withSharedBackoff } from "@/lib/aws-clients";
import { SERVICE_MAX_ATTEMPTS } from "@/lib/cleanrooms-ml";
import { serviceConfig } from "@/lib/config";
import { credentials } from "@/lib/service";

/**
 * The process's one S3 client, for seeds (lib/seeds/*): the same endpoint
 * setting, region and credentials as the Clean Rooms ML client. With
 * `CLEANROOMS_ML_ENDPOINT` set (the local service, which answers S3 on the
 * same port), requests go there path-style (`/<bucket>/<key>`). Server only:
 * no S3 code or credential reaches the browser.
 *
 * Every call goes through lib/seeds/access.ts, which refuses buckets and keys
 * outside `SEED_BUCKETS`.
 */
const CLIENT_KEY = Symbol.for("cleanrooms-ml-dashboard.s3");
const processGlobals = globalThis as { [CLIENT_KEY]?: S3Client };

export function s3(): S3Client {
  if (!processGlobals[CLIENT_KEY]) {
    const { endpoint, region } = serviceConfig();
    processGlobals[CLIENT_KEY] = withSharedBackoff(
      new S3Client({
        region,
        endpoint,
        forcePathStyle: endpoint !== undefined,
        credentials: credentials(),
        maxAttempts: SERVICE_MAX_ATTEMPTS,
      }),
    );
  }
  return processGlobals[CLIENT_KEY];
}
