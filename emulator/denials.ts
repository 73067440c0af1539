/**
 * Operations the local service refuses with the service's own access-denied
 * error, as AWS does when the caller's IAM policy lacks the action: so tests
 * can rehearse a dashboard whose role may not call them. Set through the
 * `/_emulator/denied` control (control.ts):
 *
 *   PUT    /_emulator/denied  {"operations": ["cleanrooms:ListMemberships", "iam:ListRoles"]}
 *   GET    /_emulator/denied  → {"operations": [...]}
 *   DELETE /_emulator/denied  → {"operations": []}
 *
 * An operation is named as in an IAM policy: the signing name, a colon and the
 * operation's name.
 */
import { ApiError, type Reply } from "./http";
import type { Context } from "./routes/context";

const OPERATION = /^[a-z][a-z0-9-]*:[A-Z][A-Za-z0-9]*$/;
const MAX_OPERATIONS = 100;

/** True when `/_emulator/denied` names this operation of this service. */
export function isDenied(context: Context, service: string, operation: string): boolean {
  return context.denied.has(service, operation);
}

export function handleDenied(
  method: string,
  body: Record<string, unknown>,
  context: Context,
): Reply {
  const { denied } = context;
  if (method === "DELETE") denied.clear();
  else if (method === "PUT") {
    const { operations } = body;
    if (
      !Array.isArray(operations) ||
      operations.length > MAX_OPERATIONS ||
      !operations.every((o): o is string => typeof o === "string" && OPERATION.test(o))
    ) {
      throw new ApiError(
        "ValidationException",
        `operations must be a list of at most ${MAX_OPERATIONS} names such as "cleanrooms:ListMemberships" or "iam:ListRoles".`,
      );
    }
    denied.replace(operations);
  } else if (method !== "GET") {
    throw new ApiError(
      "UnknownOperationException",
      `${method} is not supported on /_emulator/denied; use GET, PUT or DELETE.`,
    );
  }
  return { body: { operations: denied.toJSON() } };
}
