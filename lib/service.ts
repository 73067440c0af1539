import "server-only";

import {
  CleanRoomsMLClient,
  OperationBackoff,
  SERVICE_MAX_ATTEMPTS,
  type AwsCredentialIdentityProvider,
} from "@/lib/cleanrooms-ml";
import { serviceConfig } from "@/lib/config";

/**
 * The back-off lives on `globalThis`: Next.js may load this module once per
 * server bundle (pages, route handlers, actions), and a back-off is only worth
 * anything if the whole process shares it.
 */
const BACKOFF_KEY = Symbol.for("cleanrooms-ml-dashboard.backoff");
const processGlobals = globalThis as { [BACKOFF_KEY]?: OperationBackoff };

let client: CleanRoomsMLClient | undefined;
let signingCredentials: AwsCredentialIdentityProvider | undefined;

/**
 * The local service accepts any signature; no AWS account is needed for it.
 * Its access key ID picks the account it acts as: 12 digits name that account
 * (LOCAL_SERVICE_ACCOUNT, e.g. the demo's publisher), anything else is ours.
 */
const localCredentials = (account: string | undefined) => ({
  accessKeyId: account ?? "local",
  secretAccessKey: "local",
});

/**
 * The credentials every AWS client of the dashboard signs with (Clean Rooms ML
 * here, Clean Rooms and IAM in lib/aws-clients.ts, S3 in lib/s3.ts): the
 * standard Node chain (memoized by it), loaded on first use; dummy ones for
 * the local service.
 */
export function credentials(): AwsCredentialIdentityProvider {
  if (!signingCredentials) {
    const { isLocalService, localAccount } = serviceConfig();
    let chain: Promise<AwsCredentialIdentityProvider> | undefined;
    signingCredentials = isLocalService
      ? async () => localCredentials(localAccount)
      : async () => {
          chain ??= import("@aws-sdk/credential-provider-node").then(({ defaultProvider }) =>
            defaultProvider(),
          );
          return (await chain)();
        };
  }
  return signingCredentials;
}

/** The back-off every call of an operation shares, for the whole process (docs/ARCHITECTURE.md). */
export function serviceBackoff(): OperationBackoff {
  processGlobals[BACKOFF_KEY] ??= new OperationBackoff();
  return processGlobals[BACKOFF_KEY];
}

/** The process's one Clean Rooms ML client, configured from the environment. Server only. */
export function cleanRoomsML(): CleanRoomsMLClient {
  if (!client) {
    const { endpoint, region } = serviceConfig();
    client = new CleanRoomsMLClient({
      region,
      endpoint,
      credentials: credentials(),
      backoff: serviceBackoff(),
      maxAttempts: SERVICE_MAX_ATTEMPTS,
    });
  }
  return client;
}

/**
 * The AWS identity the server reads with: the endpoint, the region and the
 * access key the client signs with. The same for every person using the
 * dashboard; the read cache is keyed by it, so an entry is only ever served
 * to requests that would have been made with the same credentials.
 */
export async function serviceIdentity(): Promise<string> {
  const { endpoint, region } = serviceConfig();
  const { accessKeyId } = await credentials()();
  return `${endpoint ?? "aws"} ${region} ${accessKeyId}`;
}
