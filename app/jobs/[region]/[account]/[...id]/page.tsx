import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { mayHaveExports } from "@/components/job/export-form";
import type { ActionError } from "@/lib/action-result";
import { jobArnFromPath } from "@/lib/job-url";
import { listExportJobs } from "@/lib/reads/exports";
import { readJob as readJobFromService } from "@/lib/reads/jobs";
import { getConfiguredModel } from "@/lib/reads/models";
import { toActionError } from "@/lib/service-errors";

import { JobPageClient } from "./job-page-client";

export const dynamic = "force-dynamic";

interface Params {
  region: string;
  account: string;
  id: string[];
}

/** A job URL that cannot name a job, or a job the service does not know: both are "not found". */
function isNotFound(error: unknown): boolean {
  const name = error instanceof Error ? error.name : undefined;
  return name === "ResourceNotFoundException" || name === "ValidationException";
}

/** The job for this request, read once for the metadata and the page alike; undefined when there is none. */
const readJob = cache(async (region: string, account: string, id: string[]) => {
  const arn = jobArnFromPath(region, account, id);
  if (!arn) return undefined;
  try {
    // Opening the page reads anew (joining a read under way); readAt: when the service answered.
    const { data: job, readAt } = await readJobFromService(arn, { fresh: true });
    return { arn, job, readAt };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { region, account, id } = await params;
  const found = await readJob(region, account, id).catch(() => undefined);
  return { title: found ? found.job.name : "Job not found" };
}

export default async function JobPage({ params }: { params: Promise<Params> }) {
  const { region, account, id } = await params;
  const found = await readJob(region, account, id);
  if (!found) notFound();
  const { arn, job, readAt } = found;

  const [model, exports] = await Promise.all([
    getConfiguredModel(job.configuredAudienceModelArn).then(
      (data) => ({ data, error: undefined }),
      (error: unknown) => ({ data: undefined, error: toActionError(error) as ActionError }),
    ),
    // A job that never finished has no exports: do not ask.
    mayHaveExports(job.status)
      ? listExportJobs(arn).catch(() => undefined)
      : Promise.resolve(undefined),
  ]);

  return (
    <JobPageClient
      arn={arn}
      initialJob={job}
      readAt={readAt}
      model={model.data}
      modelError={model.error}
      initialExports={exports}
    />
  );
}
