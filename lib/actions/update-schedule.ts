"use server";

import { audit } from "@/lib/auth/session";
import { defineAction } from "@/lib/define-action";
import { scheduleErrorToField, writeSchedule } from "@/lib/schedules/write";
import { scheduleFormSchema } from "@/lib/schemas/schedule";

/**
 * Writes an existing schedule again with the form's values (UpdateSchedule
 * replaces every setting: the form sends them all, filled from the schedule).
 * Its runs so far are unchanged; they stay tied to it by name.
 */
export const updateSchedule = defineAction(
  scheduleFormSchema,
  async (values, { user }) => {
    const written = await writeSchedule(values, user?.identity, "update");
    audit(user, "updated schedule", values.name);
    return written;
  },
  {
    invalidMessage: "Some values are not valid. Correct the fields marked below.",
    mapError: scheduleErrorToField,
  },
);
