import "server-only";

import { CleanRoomsMLClient } from "@/lib/cleanrooms-ml";
import { serviceConfig } from "@/lib/config";

let client: CleanRoomsMLClient | undefined;

/** The process's one Clean Rooms ML client, configured from the environment. Server only. */
export function cleanRoomsML(): CleanRoomsMLClient {
  if (!client) {
    const { endpoint, region, isLocalService } = serviceConfig();
    client = new CleanRoomsMLClient({
      region,
      endpoint,
      // The local service accepts any signature; no AWS account is needed for it.
      credentials: isLocalService ? { accessKeyId: "local", secretAccessKey: "local" } : undefined,
    });
  }
  return client;
}
