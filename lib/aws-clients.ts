import "server-only";

import { CleanRoomsClient } from "@aws-sdk/client-cleanrooms";
import { IAMClient } from "@aws-sdk/client-iam";

import { serviceConfig } from "@/lib/config";
import { credentials } from "@/lib/service";

/**
 * The official AWS clients of the services around Clean Rooms ML: AWS Clean
 * Rooms (collaborations, members, analysis templates, protected queries) and
 * IAM (roles). Server only. They take the Clean Rooms ML client's region,
 * endpoint and credentials (lib/config.ts, lib/service.ts): with
 * CLEANROOMS_ML_ENDPOINT set, every service is the one at that endpoint (the
 * local service answers each by the SigV4 scope's service name); otherwise,
 * AWS. The SDK's standard retries (3 attempts, throttles backed off) apply.
 */
let cleanRoomsClient: CleanRoomsClient | undefined;
let iamClient: IAMClient | undefined;

function clientConfig() {
  const { endpoint, region } = serviceConfig();
  return { region, endpoint, credentials: credentials() };
}

/** The process's one AWS Clean Rooms client. */
export function cleanRooms(): CleanRoomsClient {
  cleanRoomsClient ??= new CleanRoomsClient(clientConfig());
  return cleanRoomsClient;
}

/** The process's one IAM client (IAM is global: the SDK finds its endpoint from any region). */
export function iam(): IAMClient {
  iamClient ??= new IAMClient(clientConfig());
  return iamClient;
}
