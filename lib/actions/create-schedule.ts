"use server";

import { audit } from "@/lib/auth/session";
import { defineAction } from "@/lib/define-action";
import { scheduleErrorToField, writeSchedule } from "@/lib/schedules/write";
import { scheduleFormSchema } from "@/lib/schemas/schedule";

/**
 * Creates an EventBridge Scheduler schedule that starts the form's job on
 * the cadence (docs/ARCHITECTURE.md, "Schedules"). A public endpoint: the
 * values are parsed again with the form's schema, and the role checked
 * against IAM, before anything is sent; refusals come back beside their field.
 */
export const createSchedule = defineAction(
  scheduleFormSchema,
  async (values, { user }) => {
    const written = await writeSchedule(values, user?.identity, "create");
    audit(user, "created schedule", values.name);
    return written;
  },
  {
    invalidMessage: "Some values are not valid. Correct the fields marked below.",
    mapError: scheduleErrorToField,
  },
);
