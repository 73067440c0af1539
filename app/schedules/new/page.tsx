import type { Metadata } from "next";
import type { ReactNode } from "react";

import { Alert } from "@/components/ui/alert";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Link } from "@/components/ui/link";
import { jobPath } from "@/lib/job-url";
import { readJob } from "@/lib/reads/jobs";
import { audienceGenerationJobArnSchema } from "@/lib/schemas/api";
import { formValuesFromJob, type StartJobFormValues } from "@/lib/schemas/start-job-form-values";
import { toActionError } from "@/lib/service-errors";

import { NewSchedulePageClient } from "./page-client";

export const metadata: Metadata = { title: "Repeat a job" };
export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;
const one = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/** The job to repeat from `?from=<job ARN>` (a job's page), with a notice saying where it came from. */
async function fromJob(from: string): Promise<{ job?: StartJobFormValues; notice: ReactNode }> {
  const arn = audienceGenerationJobArnSchema.safeParse(from);
  if (!arn.success) {
    return {
      notice: (
        <Alert tone="warning" role="alert" title="That link does not name a job">
          The address asked to repeat “{from}”, which is not an audience generation job ARN.
        </Alert>
      ),
    };
  }
  try {
    const { data: job } = await readJob(arn.data, { fresh: true });
    if (!job.seedAudience) {
      return {
        notice: (
          <Alert tone="warning" role="alert" title="That job's seed is not visible to this account">
            A schedule repeats the whole request, seed included: start from the new-job form
            instead.
          </Alert>
        ),
      };
    }
    return {
      // The job's own name is the base of each run's name (the form cuts it to fit).
      job: { ...formValuesFromJob(job), name: job.name },
      notice: (
        <Alert tone="info" title={`Settings from “${job.name}”`}>
          Each run starts a job like{" "}
          <Link href={jobPath(job.audienceGenerationJobArn)} className="font-medium underline">
            that one
          </Link>
          , under a new name. Nothing is scheduled until you press Create schedule.
        </Alert>
      ),
    };
  } catch (thrown) {
    return {
      notice: (
        <ErrorAlert
          tone="warning"
          role="alert"
          title="The job to repeat could not be read"
          error={toActionError(thrown)}
        />
      ),
    };
  }
}

export default async function NewSchedulePage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const from = one(params.from);
  const start = from !== undefined ? await fromJob(from) : { job: undefined, notice: undefined };
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <header className="space-y-1">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Repeat a job</h1>
        <p className="text-sm text-slate-600">
          EventBridge Scheduler, in your AWS account, starts the job on the cadence you choose: a
          fresh audience each time, with no dashboard running.
        </p>
      </header>
      <NewSchedulePageClient
        job={start.job}
        notice={start.notice}
        fromDraft={one(params.draft) === "1"}
        fromJobArn={from}
      />
    </div>
  );
}
