"use server";

import { UpdateScheduleCommand, type UpdateScheduleCommandInput } from "@aws-sdk/client-scheduler";

import { audit } from "@/lib/auth/session";
import { scheduler } from "@/lib/aws-clients";
import { defineAction } from "@/lib/define-action";
import { getScheduleOutput } from "@/lib/schedules/reads";
import { scheduleStateSchema } from "@/lib/schemas/schedule";

/** Not a schedule of ours (gone, or another target's). */
class NotOurSchedule extends Error {
  override name = "ResourceNotFoundException";
}

/**
 * Pauses or resumes a schedule. EventBridge Scheduler has no call for the
 * state alone: UpdateSchedule replaces every setting, so the schedule is read
 * (GetSchedule) and written back as it is with only `State` changed.
 */
export const setScheduleState = defineAction(
  scheduleStateSchema,
  async ({ name, enabled }, { user }) => {
    const current = await getScheduleOutput(name);
    if (!current)
      throw new NotOurSchedule(`There is no schedule named ${name} that starts audience jobs`);
    const input: UpdateScheduleCommandInput = {
      Name: current.Name!,
      GroupName: current.GroupName,
      ScheduleExpression: current.ScheduleExpression!,
      ScheduleExpressionTimezone: current.ScheduleExpressionTimezone,
      StartDate: current.StartDate,
      EndDate: current.EndDate,
      Description: current.Description,
      FlexibleTimeWindow: current.FlexibleTimeWindow!,
      Target: current.Target!,
      ActionAfterCompletion: current.ActionAfterCompletion,
      KmsKeyArn: current.KmsKeyArn,
      State: enabled ? "ENABLED" : "DISABLED",
    };
    await scheduler().send(new UpdateScheduleCommand(input));
    audit(user, enabled ? "resumed schedule" : "paused schedule", name);
    return { name, enabled };
  },
);
