"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from "react";
import { flushSync } from "react-dom";
import {
  FormProvider,
  useForm,
  useFormContext,
  useWatch,
  type FieldErrors,
  type Resolver,
} from "react-hook-form";

import { SubmitFailure } from "@/components/shared/submit-failure";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionError, ActionResult } from "@/lib/action-result";
import { createSchedule } from "@/lib/actions/create-schedule";
import { updateSchedule } from "@/lib/actions/update-schedule";
import { readerTimeZone } from "@/lib/schedule-time/zoned-time";
import {
  SCHEDULE_DESCRIPTION_MAX_LENGTH,
  SCHEDULE_NAME_MAX_LENGTH,
  scheduleFormSchemaFor,
  type ScheduleFormContext,
  type ScheduleFormValues,
} from "@/lib/schemas/schedule";
import { useAction } from "@/lib/use-action";

import { CadenceFields } from "./cadence-fields";
import { ScheduleTextField } from "./fields";
import { JobSection } from "./job-section";
import { schedulerRolesQuery } from "./queries";
import { SchedulerRoleField } from "./scheduler-role-field";

type Submit = (values: ScheduleFormValues) => Promise<ActionResult<{ name: string }>>;

/** The rules, with what the form knows at each check (react-hook-form's `context`). */
const resolver: Resolver<ScheduleFormValues, ScheduleFormContext> = (values, context, options) =>
  zodResolver(
    scheduleFormSchemaFor({
      schedulerRoles: context?.schedulerRoles,
      now: context?.now ?? new Date(),
    }),
  )(values, context, options);

/** Fields in page order, for moving focus to the first one refused. */
const FIELD_ORDER = [
  "job",
  "baseName",
  "cadence",
  "weekdays",
  "monthDay",
  "time",
  "expression",
  "timezone",
  "startDate",
  "endDate",
  "flexibleWindow",
  "name",
  "description",
  "roleArn",
] as const satisfies readonly (keyof ScheduleFormValues)[];

/** Refusals only a schedule meets; the rest are every form's (`SubmitFailure`). */
const ERROR_TITLES: Record<string, string> = {
  ValidationException: "EventBridge Scheduler refused a value",
  ConflictException: "A schedule of that name exists",
  ResourceNotFoundException: "Something the schedule needs was not found",
};

/** The on/paused switch. */
function EnabledField() {
  const { register } = useFormContext();
  return (
    <label className="flex items-start gap-2 text-sm text-slate-800">
      <input type="checkbox" {...register("enabled")} className="mt-0.5 accent-indigo-600" />
      <span>
        <span className="font-medium">On</span>
        <span className="block text-xs text-slate-500">
          Unticked, the schedule is saved paused: it starts nothing until you resume it.
        </span>
      </span>
    </label>
  );
}

/**
 * The schedule form: the job to repeat, the cadence (in words first, or AWS's
 * own expression) with its next runs shown before saving, the dates, window
 * and state, and the role EventBridge Scheduler assumes. Checked with the
 * same schema as the server actions; a refusal of the service comes back
 * beside the field it names, with what was typed kept.
 */
export function ScheduleForm({
  defaultValues,
  mode,
  submit = mode === "create" ? createSchedule : updateSchedule,
  onSaved,
  notice,
  editJobHref,
  now,
}: {
  defaultValues: ScheduleFormValues;
  mode: "create" | "edit";
  submit?: Submit;
  onSaved: (name: string) => void;
  notice?: ReactNode;
  /** Where the job's settings can be changed (the new-job form, filled). */
  editJobHref?: string;
  /** The time "never runs" is judged from (tests); the browser's clock otherwise. */
  now?: () => Date;
}) {
  const roles = useQuery(schedulerRolesQuery());
  const context: ScheduleFormContext = {
    schedulerRoles: roles.data?.map((role) => role.arn),
    now: (now ?? (() => new Date()))(),
  };
  const form = useForm<ScheduleFormValues, ScheduleFormContext>({
    defaultValues,
    resolver,
    context,
    mode: "onTouched",
    reValidateMode: "onChange",
    shouldFocusError: false,
  });
  const formRef = useRef<HTMLFormElement>(null);
  const bannerRef = useRef<HTMLDivElement>(null);
  const save = useAction(submit);
  const [saved, setSaved] = useState(false);
  const [banner, setBanner] = useState<ActionError | undefined>();
  const seedRoleArn = useWatch({ control: form.control, name: "job.roleArn" });
  const { setValue } = form;
  useEffect(() => {
    // The reader's time zone by default: known only in the browser.
    if (defaultValues.timezone === "") setValue("timezone", readerTimeZone());
  }, [defaultValues.timezone, setValue]);

  function focusFirst(paths: string[]) {
    const first = FIELD_ORDER.find((field) => paths.includes(field));
    const element = first
      ? formRef.current?.querySelector<HTMLElement>(`[name="${first}"], [data-field="${first}"]`)
      : undefined;
    if (element) element.focus();
    else bannerRef.current?.focus();
  }

  function onInvalid(errors: FieldErrors<ScheduleFormValues>) {
    setBanner(undefined);
    focusFirst(Object.keys(errors));
  }

  function showServiceError(error: ActionError) {
    const cadence = form.getValues("cadence");
    const entries = Object.entries(error.fieldErrors ?? {}).filter(([path]) => path !== "");
    const placed: string[] = [];
    for (const [path, message] of entries) {
      // An expression written from words is refused beside the words' time.
      const field = path === "expression" && cadence !== "EXPRESSION" ? "time" : path;
      if (!(FIELD_ORDER as readonly string[]).includes(field)) continue;
      form.setError(field as (typeof FIELD_ORDER)[number], { type: "server", message });
      placed.push(field);
    }
    if (placed.length === 0) {
      flushSync(() => setBanner(error));
      bannerRef.current?.focus();
    } else {
      setBanner(undefined);
      focusFirst(placed);
    }
  }

  async function onValid(values: ScheduleFormValues) {
    setBanner(undefined);
    const result = await save.run(values);
    if (!result) return;
    if (result.ok) {
      setSaved(true);
      onSaved(result.data.name);
      return;
    }
    showServiceError(result.error);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    if (save.pending || saved) {
      event.preventDefault();
      return;
    }
    void form.handleSubmit(onValid, onInvalid)(event);
  }

  const busy = save.pending || saved;
  const verb = mode === "create" ? "Create schedule" : "Save schedule";

  return (
    <FormProvider {...form}>
      <form
        ref={formRef}
        onSubmit={onSubmit}
        noValidate
        aria-label={mode === "create" ? "Create a schedule" : "Edit the schedule"}
        className="space-y-6"
      >
        {notice}
        <Card
          title="The job"
          description="What each run starts: the same request as a direct start."
        >
          <JobSection editJobHref={editJobHref} />
        </Card>

        <Card
          title="When"
          description="In words, or in AWS's own cron() or rate() for finer control. The runs are shown before you save."
        >
          <CadenceFields />
        </Card>

        <Card title="Schedule" description="How you and your team find it in Schedules.">
          <div className="space-y-5">
            {mode === "create" ? (
              <ScheduleTextField
                name="name"
                label="Schedule name"
                maxLength={SCHEDULE_NAME_MAX_LENGTH}
                description="Letters, digits, hyphens, underscores and dots. It cannot be changed later; it is also the tag on every run."
              />
            ) : (
              <p className="text-sm text-slate-700">
                Schedule name: <span className="font-mono">{defaultValues.name}</span> (a
                schedule&apos;s name cannot change)
              </p>
            )}
            <ScheduleTextField
              name="description"
              label="Description"
              optional
              multiline
              maxLength={SCHEDULE_DESCRIPTION_MAX_LENGTH}
            />
            <EnabledField />
          </div>
        </Card>

        <Card
          title="Permission"
          description="EventBridge Scheduler starts each run in your account, as this role: no server of ours runs it."
        >
          <SchedulerRoleField seedRoleArn={seedRoleArn} />
        </Card>

        <div className="space-y-3">
          <div ref={bannerRef} tabIndex={-1} className="outline-none">
            {banner && (
              <SubmitFailure
                error={banner}
                titles={ERROR_TITLES}
                fallbackTitle="The schedule was not saved"
                button={verb}
              />
            )}
          </div>
          {saved && (
            <Alert tone="success" role="status" title="Schedule saved">
              Opening its page…
            </Alert>
          )}
          <div className="flex flex-col-reverse gap-3 sm:flex-row sm:items-center sm:justify-end">
            <p role="status" className="text-xs text-slate-500 sm:mr-auto">
              {save.pending
                ? "Saving the schedule…"
                : "Nothing is sent until you press " + verb + "."}
            </p>
            <Button type="submit" disabled={busy} className="w-full sm:w-auto">
              {verb}
            </Button>
          </div>
        </div>
      </form>
    </FormProvider>
  );
}
