"use server";

import { DeleteScheduleCommand } from "@aws-sdk/client-scheduler";

import { audit } from "@/lib/auth/session";
import { scheduler } from "@/lib/aws-clients";
import { defineAction } from "@/lib/define-action";
import { getScheduleOutput } from "@/lib/schedules/reads";
import { SCHEDULE_GROUP, scheduleRefSchema } from "@/lib/schemas/schedule";

/**
 * Deletes a schedule (DeleteSchedule): no further runs. Its jobs stay: they
 * are audience generation jobs like any other, still tagged with its name.
 * Only a schedule that starts audience jobs is deleted here.
 */
export const deleteSchedule = defineAction(scheduleRefSchema, async ({ name }, { user }) => {
  if (!(await getScheduleOutput(name))) {
    const error = new Error(`There is no schedule named ${name} that starts audience jobs`);
    error.name = "ResourceNotFoundException";
    throw error;
  }
  await scheduler().send(new DeleteScheduleCommand({ Name: name, GroupName: SCHEDULE_GROUP }));
  audit(user, "deleted schedule", name);
  return { name };
});
