import "server-only";

import { CleanRoomsClient } from "@aws-sdk/client-cleanrooms";
import { IAMClient } from "@aws-sdk/client-iam";
import { SchedulerClient } from "@aws-sdk/client-scheduler";

import { isThrottlingError, SERVICE_MAX_ATTEMPTS } from "@/lib/cleanrooms-ml";
import { serviceConfig } from "@/lib/config";
import { credentials, serviceBackoff } from "@/lib/service";

/**
 * The official AWS clients of the services around Clean Rooms ML: AWS Clean
 * Rooms (collaborations, members, analysis templates, protected queries),
 * IAM (roles) and EventBridge Scheduler (schedules that start jobs). Server only. They take the Clean Rooms ML client's region,
 * endpoint and credentials (lib/config.ts, lib/service.ts): with
 * CLEANROOMS_ML_ENDPOINT set, every service is the one at that endpoint (the
 * local service answers each by the SigV4 scope's service name); otherwise,
 * AWS. The SDK's standard retries (SERVICE_MAX_ATTEMPTS) are the only retries, and
 * every attempt goes through the process's one back-off (withSharedBackoff),
 * the same the Clean Rooms ML client and the server's reads use.
 */
let cleanRoomsClient: CleanRoomsClient | undefined;
let iamClient: IAMClient | undefined;
let schedulerClient: SchedulerClient | undefined;

function clientConfig() {
  const { endpoint, region } = serviceConfig();
  return { region, endpoint, credentials: credentials(), maxAttempts: SERVICE_MAX_ATTEMPTS };
}

/** What withSharedBackoff needs of an SDK client: its middleware stack. */
interface WithMiddleware {
  middlewareStack: {
    addRelativeTo(
      middleware: (
        next: (args: unknown) => Promise<unknown>,
        context: { commandName?: string },
      ) => (args: unknown) => Promise<unknown>,
      options: { relation: "after"; toMiddleware: string; name: string },
    ): void;
  };
}

/**
 * An official AWS SDK client whose every attempt (after the SDK's retry step,
 * so each retry too) passes the process's one back-off (lib/service.ts,
 * lib/cleanrooms-ml/backoff.ts): a throttled operation slows down for every
 * caller together, and an answer that is not a throttle speeds it up again.
 * Clean Rooms ML, Clean Rooms, IAM and S3 share it (docs/ARCHITECTURE.md).
 */
export function withSharedBackoff<C>(client: C): C {
  (client as WithMiddleware).middlewareStack.addRelativeTo(
    (next, context) => async (args) => {
      const operation = (context.commandName ?? "").replace(/Command$/, "");
      const gate = serviceBackoff();
      await gate.enter(operation);
      try {
        const output = await next(args);
        gate.answered(operation);
        return output;
      } catch (error) {
        if (isThrottlingError(error)) gate.throttled(operation);
        else gate.answered(operation);
        throw error;
      }
    },
    { relation: "after", toMiddleware: "retryMiddleware", name: "sharedBackoffMiddleware" },
  );
  return client;
}

/** The process's one AWS Clean Rooms client. */
export function cleanRooms(): CleanRoomsClient {
  cleanRoomsClient ??= withSharedBackoff(new CleanRoomsClient(clientConfig()));
  return cleanRoomsClient;
}

/** The process's one IAM client (IAM is global: the SDK finds its endpoint from any region). */
export function iam(): IAMClient {
  iamClient ??= withSharedBackoff(new IAMClient(clientConfig()));
  return iamClient;
}

/** The process's one EventBridge Scheduler client (signing name `scheduler`). */
export function scheduler(): SchedulerClient {
  schedulerClient ??= withSharedBackoff(new SchedulerClient(clientConfig()));
  return schedulerClient;
}
