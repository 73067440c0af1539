"use client";

import { useFormContext, useFormState, useWatch } from "react-hook-form";

import { errorAt } from "@/components/shared/form-fields";
import { Link } from "@/components/ui/link";
import { JOB_BASE_NAME_MAX_LENGTH, runNameTemplate } from "@/lib/schemas/run-name";
import type { ScheduleFormValues } from "@/lib/schemas/schedule";
import { toStartRequest } from "@/lib/schemas/start-job-form-values";

import { scheduleControlId, ScheduleTextField } from "./fields";

/** The job each run starts (the request the new-job form built, shown as each run sends it) and the run name's base. */
export function JobSection({ editJobHref }: { editJobHref?: string }) {
  const { control } = useFormContext<ScheduleFormValues>();
  const job = useWatch({ control, name: "job" });
  const baseName = useWatch({ control, name: "baseName" });
  const { errors } = useFormState({ control, name: "job" });
  const jobError = errorAt(errors, "job");
  const request = toStartRequest({ ...job, name: runNameTemplate(baseName || "…") });
  const seed = request.seedAudience;
  return (
    <div className="space-y-4">
      {/* Focus lands here when the job's settings are refused. */}
      <div data-field="job" tabIndex={-1} className="space-y-4 outline-none">
        <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[8rem_1fr]">
          <dt className="text-slate-500">Model</dt>
          <dd className="font-mono text-xs break-all text-slate-800">
            {request.configuredAudienceModelArn || "None chosen"}
          </dd>
          <dt className="text-slate-500">Seed</dt>
          <dd className="font-mono text-xs break-all text-slate-800">
            {seed.dataSource?.s3Uri ??
              seed.sqlParameters?.analysisTemplateArn ??
              (seed.sqlParameters?.queryString ? "A SQL query" : "None")}
          </dd>
          <dt className="text-slate-500">Seed role</dt>
          <dd className="font-mono text-xs break-all text-slate-800">{seed.roleArn || "None"}</dd>
        </dl>
        <details className="text-sm">
          <summary className="cursor-pointer text-slate-700">
            The request each run sends (the schedule target&apos;s Input)
          </summary>
          <pre className="mt-2 max-h-64 overflow-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100">
            {JSON.stringify(request, null, 2)}
          </pre>
          <p className="mt-1 text-xs text-slate-600">
            Exactly what pressing Start job would send, with the run name above. The dashboard adds
            the tag <code>dashboard:schedule</code> (this schedule&apos;s name) to tie each run to
            the schedule, and, with sign-in on, who wrote the schedule.
          </p>
        </details>
        {jobError && (
          <p id={`${scheduleControlId("job")}-error`} className="text-sm text-red-700">
            {jobError}
          </p>
        )}
      </div>
      {editJobHref && (
        <p className="text-xs text-slate-600">
          To change the job&apos;s settings,{" "}
          <Link className="font-medium underline" href={editJobHref}>
            open them in the new-job form
          </Link>{" "}
          and choose Repeat this job from there.
        </p>
      )}
      <ScheduleTextField
        name="baseName"
        label="Job name of each run"
        maxLength={JOB_BASE_NAME_MAX_LENGTH}
        description={`Each run's job is named this, a hyphen and its due time in UTC (such as 2026-12-07T09:00:00Z, 20 characters), so every run's name is new. Job names are at most 63 characters: this part at most ${JOB_BASE_NAME_MAX_LENGTH}.`}
      />
    </div>
  );
}
