"use client";

import type { ComponentProps } from "react";
import {
  useFormContext,
  useFormState,
  useWatch,
  type UseFormRegisterReturn,
} from "react-hook-form";

import { errorAt } from "@/components/shared/form-fields";
import { cn } from "@/components/ui/cn";
import { controlA11y, Field, Select } from "@/components/ui/field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { formatAbsolute } from "@/lib/format";
import {
  CADENCE_LABEL,
  cadenceExpression,
  cadenceInWords,
  CADENCES,
  MONTH_DAY_MAX,
  MONTH_DAY_MIN,
  WEEKDAY_LABEL,
  WEEKDAYS,
} from "@/lib/schedule-time/cadence";
import { describeScheduleExpression, nextFireTimes } from "@/lib/schedule-time/expression";
import { readerTimeZone, timeZoneNames } from "@/lib/schedule-time/zoned-time";
import {
  FLEXIBLE_WINDOW_MAX_MINUTES,
  scheduleDates,
  type ScheduleFormValues,
} from "@/lib/schemas/schedule";

import { scheduleControlId, ScheduleTextField } from "./fields";

/** How many run times the preview lists. */
export const PREVIEW_RUNS = 5;

function ErrorText({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={id} className="text-sm text-red-700">
      {message}
    </p>
  );
}

/**
 * A fieldset of radios or checkboxes, each drawn as a bordered chip that
 * lights up when checked; `children` (an error) follow the chips.
 */
function ChipGroup({
  legend,
  type,
  choices,
  field,
  listClassName,
  chipClassName,
  children,
  ...fieldset
}: ComponentProps<"fieldset"> & {
  legend: string;
  type: "radio" | "checkbox";
  /** Each chip's value and label. */
  choices: readonly (readonly [string, string])[];
  field: UseFormRegisterReturn;
  listClassName: string;
  chipClassName: string;
}) {
  return (
    <fieldset className="space-y-2" {...fieldset}>
      <legend className="text-sm font-medium text-slate-800">{legend}</legend>
      <div className={listClassName}>
        {choices.map(([value, label]) => (
          <label
            key={value}
            className={cn(
              "flex cursor-pointer items-center rounded-md border border-slate-300 bg-white text-sm text-slate-800 has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50/60",
              chipClassName,
            )}
          >
            <input type={type} value={value} {...field} className="accent-indigo-600" />
            {label}
          </label>
        ))}
      </div>
      {children}
    </fieldset>
  );
}

/** The cadence: in words first (day / week / month at a time), or AWS's own cron() or rate(). */
export function CadenceFields() {
  const { control, register } = useFormContext<ScheduleFormValues>();
  const cadence = useWatch({ control, name: "cadence" });
  const { errors } = useFormState({ control, name: ["weekdays", "cadence"] });
  const weekdaysError = errorAt(errors, "weekdays");
  return (
    <div className="space-y-5">
      <ChipGroup
        legend="How often"
        type="radio"
        choices={CADENCES.map((value) => [value, CADENCE_LABEL[value]] as const)}
        field={register("cadence")}
        listClassName="grid gap-2 sm:grid-cols-4"
        chipClassName="gap-2 px-3 py-2 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-500"
      />

      {cadence === "WEEKLY" && (
        <ChipGroup
          legend="On"
          type="checkbox"
          choices={WEEKDAYS.map((day) => [day, WEEKDAY_LABEL[day]] as const)}
          field={register("weekdays")}
          listClassName="flex flex-wrap gap-2"
          chipClassName="gap-1.5 px-2.5 py-1.5"
          data-field="weekdays"
          tabIndex={-1}
          aria-describedby={weekdaysError ? "schedule-weekdays-error" : undefined}
        >
          <ErrorText id="schedule-weekdays-error" message={weekdaysError} />
        </ChipGroup>
      )}

      <div className="grid gap-4 sm:grid-cols-2">
        {cadence === "MONTHLY" && (
          <ScheduleTextField
            name="monthDay"
            label="Day of the month"
            inputMode="numeric"
            description={`${MONTH_DAY_MIN} to ${MONTH_DAY_MAX}. A month without that day is skipped.`}
          />
        )}
        {cadence !== "EXPRESSION" && (
          <ScheduleTextField
            name="time"
            label="At"
            type="time"
            description="24-hour time, in the time zone below."
          />
        )}
      </div>

      {cadence === "EXPRESSION" && (
        <ScheduleTextField
          name="expression"
          label="Expression"
          monospace
          placeholder="cron(0 9 ? * MON *)"
          description={
            <>
              AWS&apos;s own: <code>cron(minutes hours day-of-month month day-of-week year)</code>{" "}
              (one of the two day fields must be <code>?</code>), or <code>rate(value unit)</code>{" "}
              with minute(s), hour(s) or day(s).
            </>
          }
        />
      )}

      <TimeZoneField />
      <RunPreview />

      <div className="grid gap-4 sm:grid-cols-2">
        <ScheduleTextField
          name="startDate"
          label="Start"
          type="datetime-local"
          optional
          description="No run before it. Empty: from now."
        />
        <ScheduleTextField
          name="endDate"
          label="End"
          type="datetime-local"
          optional
          description="No run from then on. Empty: no end."
        />
      </div>
      <ScheduleTextField
        name="flexibleWindow"
        label="Flexible window, in minutes"
        optional
        inputMode="numeric"
        description={`Let EventBridge Scheduler start each run up to this many minutes after its time (1 to ${FLEXIBLE_WINDOW_MAX_MINUTES}), to spread load. Empty: each run at its exact time.`}
      />
    </div>
  );
}

/** The schedule's time zone: a list of the runtime's zones, the reader's own by default. */
function TimeZoneField() {
  const { control, register } = useFormContext<ScheduleFormValues>();
  const { errors } = useFormState({ control, name: "timezone" });
  const current = useWatch({ control, name: "timezone" });
  const hydrated = useHydrated();
  const id = scheduleControlId("timezone");
  const error = errorAt(errors, "timezone");
  // The server's zone list may differ from the browser's: the full list only once hydrated.
  const names = hydrated ? timeZoneNames() : [];
  const options = names.includes(current) || current === "" ? names : [current, ...names];
  return (
    <Field
      id={id}
      label="Time zone"
      error={error}
      description={
        hydrated
          ? `The times above are in this zone, daylight saving included. Yours is ${readerTimeZone()}.`
          : "The times above are in this zone, daylight saving included."
      }
    >
      <Select
        {...register("timezone")}
        {...controlA11y(id, { description: true, error })}
        invalid={Boolean(error)}
      >
        {!hydrated && <option value={current}>{current || "Your time zone"}</option>}
        {hydrated && current === "" && <option value="">Choose a time zone</option>}
        {options.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
      </Select>
    </Field>
  );
}

/** The cadence in words and the next five runs, in the schedule's zone and the reader's, before saving. */
function RunPreview() {
  const { control } = useFormContext<ScheduleFormValues>();
  const values = useWatch({ control }) as ScheduleFormValues;
  const hydrated = useHydrated();
  const expression = cadenceExpression(values);
  if (!expression) {
    return (
      <p className="text-sm text-slate-600" role="status">
        Complete the cadence to see when it runs.
      </p>
    );
  }
  const words = cadenceInWords(values) ?? describeScheduleExpression(expression, values.timezone);
  const { startDate, endDate } = scheduleDates(values);
  // "Now" is the browser's: the list appears once the page is live.
  const runs = hydrated
    ? nextFireTimes(expression, {
        timezone: values.timezone || "UTC",
        after: new Date(),
        count: PREVIEW_RUNS,
        startDate,
        endDate,
      })
    : [];
  const reader = hydrated ? readerTimeZone() : "UTC";
  return (
    <div
      role="status"
      aria-label="When it runs"
      className="space-y-2 rounded-md border border-slate-200 bg-slate-50 px-3 py-2.5 text-sm"
    >
      <p className="text-slate-900">
        <span className="font-medium">{words}</span>
        {values.cadence !== "EXPRESSION" && values.timezone && (
          <span className="text-slate-600"> ({values.timezone})</span>
        )}
      </p>
      <p className="font-mono text-xs text-slate-600">{expression}</p>
      {hydrated && runs.length > 0 && (
        <div>
          <p className="text-xs font-medium text-slate-700">
            Next {runs.length} runs, in your time:
          </p>
          <ol className="mt-1 list-inside list-decimal space-y-0.5 text-xs text-slate-700 tabular-nums">
            {runs.map((run) => (
              <li key={run.getTime()}>
                <time dateTime={run.toISOString()}>{formatAbsolute(run, reader)}</time>
              </li>
            ))}
          </ol>
        </div>
      )}
      {hydrated && runs.length === 0 && (
        <p className="text-xs text-red-700">
          It would never run from now on: see the message beside the field.
        </p>
      )}
    </div>
  );
}
