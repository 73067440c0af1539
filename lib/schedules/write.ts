import "server-only";

import {
  CreateScheduleCommand,
  UpdateScheduleCommand,
  type UpdateScheduleCommandInput,
} from "@aws-sdk/client-scheduler";

import type { ActionError } from "@/lib/action-result";
import { scheduler } from "@/lib/aws-clients";
import {
  scheduleFieldForMessage,
  SCHEDULER_PRINCIPAL,
  type ScheduleFormValues,
} from "@/lib/schemas/schedule";

import { schedulerRoleArns } from "./reads";
import { toScheduleRequest } from "./schedule-request";

/** The role does not trust EventBridge Scheduler: refused beside the role, before anything is sent. */
export class RoleNotTrusted extends Error {
  static readonly code = "RoleNotTrusted";
  override name = RoleNotTrusted.code;
}

/**
 * Writes the schedule the values describe (CreateSchedule, or UpdateSchedule
 * for one that exists: it replaces every setting). The role is checked
 * against IAM first when IAM can be read: a role that does not trust
 * scheduler.amazonaws.com would make every run fail silently.
 */
export async function writeSchedule(
  values: ScheduleFormValues,
  identity: string | undefined,
  mode: "create" | "update",
): Promise<{ name: string }> {
  const trusted = await schedulerRoleArns();
  if (trusted && !trusted.includes(values.roleArn)) {
    throw new RoleNotTrusted(
      `This role does not trust ${SCHEDULER_PRINCIPAL} (or is not in this account): choose one from the list, or add ${SCHEDULER_PRINCIPAL} to its trust policy in IAM`,
    );
  }
  const request = toScheduleRequest(values, identity);
  if (mode === "create") await scheduler().send(new CreateScheduleCommand(request));
  else await scheduler().send(new UpdateScheduleCommand(request as UpdateScheduleCommandInput));
  return { name: values.name };
}

/**
 * A refusal placed beside the field it names: the role check, a name taken
 * (ConflictException), a schedule gone (ResourceNotFoundException), the
 * service's ValidationException by the member its message names.
 */
export function scheduleErrorToField(error: ActionError): ActionError {
  if (error.code === RoleNotTrusted.code)
    return {
      code: "InvalidInput",
      message: error.message,
      fieldErrors: { roleArn: error.message },
    };
  if (error.code === "ConflictException")
    return { ...error, fieldErrors: { name: `${error.message}: choose another schedule name` } };
  if (error.code === "ValidationException") {
    const field = scheduleFieldForMessage(error.message);
    if (field) return { ...error, fieldErrors: { [field]: error.message } };
  }
  return error;
}
