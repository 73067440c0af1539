"use client";

import { useRouter } from "next/navigation";
import { useSyncExternalStore, type ReactNode } from "react";

import { announceOnNextPage } from "@/components/layout/route-focus";
import { readScheduleDraft } from "@/components/schedules/repeat-this-job";
import { ScheduleForm } from "@/components/schedules/schedule-form";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { newScheduleValues } from "@/lib/schedules/schedule-request";
import { schedulePath } from "@/lib/schedules/schedule-url";
import { JOB_BASE_NAME_MAX_LENGTH } from "@/lib/schemas/run-name";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form-values";

const noSubscribe = () => () => {};

/** The new-job form's values left for this page (session storage: the browser only). */
function useDraft(enabled: boolean): StartJobFormValues | undefined | null {
  const text = useSyncExternalStore(
    noSubscribe,
    () => (enabled ? JSON.stringify(readScheduleDraft() ?? null) : "null"),
    () => "pending",
  );
  if (text === "pending") return undefined;
  return JSON.parse(text) as StartJobFormValues | null;
}

/** The schedule form for a job (from a job's page) or the new-job form's values (Repeat this job). */
export function NewSchedulePageClient({
  job,
  notice,
  fromDraft,
  fromJobArn,
}: {
  job: StartJobFormValues | undefined;
  notice: ReactNode;
  fromDraft: boolean;
  fromJobArn: string | undefined;
}) {
  const router = useRouter();
  const draft = useDraft(fromDraft && !job);
  const values = job ?? draft ?? undefined;
  if (!values) {
    if (fromDraft && draft === undefined)
      return <p className="text-sm text-slate-600">Reading the job&apos;s settings…</p>;
    return (
      <div className="space-y-4">
        {notice}
        <Alert tone="info" title="Choose the job to repeat first">
          A schedule repeats one job&apos;s request. Fill in the new-job form and choose Repeat this
          job, or open a finished job and choose Repeat weekly….
        </Alert>
        <ButtonLink href="/jobs/new">Open the new-job form</ButtonLink>
      </div>
    );
  }
  return (
    <ScheduleForm
      mode="create"
      defaultValues={{
        ...newScheduleValues(values, { baseNameMax: JOB_BASE_NAME_MAX_LENGTH }),
        timezone: "",
      }}
      notice={notice}
      editJobHref={
        fromJobArn
          ? `/jobs/new?from=${encodeURIComponent(fromJobArn)}`
          : fromDraft
            ? "/jobs/new"
            : undefined
      }
      onSaved={(name) => {
        announceOnNextPage(`Schedule “${name}” created. This is its page.`);
        router.push(schedulePath(name));
      }}
    />
  );
}
