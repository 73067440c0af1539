"use client";

import { TextField, type TextFieldProps } from "@/components/shared/text-field";

/** A DOM id for a schedule form field: `startDate` → `schedule-startDate`. */
export const scheduleControlId = (path: string) => `schedule-${path.replace(/\./g, "-")}`;

export type ScheduleTextPath =
  | "name"
  | "description"
  | "baseName"
  | "time"
  | "monthDay"
  | "expression"
  | "startDate"
  | "endDate"
  | "flexibleWindow"
  | "roleArn";

/** One text field of the schedule form: its path one of the form's text values, its id `schedule-<path>`. */
export function ScheduleTextField(
  props: Omit<TextFieldProps, "id" | "name" | "autoComplete"> & { name: ScheduleTextPath },
) {
  return <TextField rows={2} {...props} id={scheduleControlId(props.name)} />;
}
