import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { ConfiguredModel } from "@/components/job-page/configured-model";
import { jobTabTitle } from "@/components/job-watch/tab-title";
import { crpuPrice } from "@/lib/config";
import { readErrorOf } from "@/lib/fetch-json";
import { mayHaveExports } from "@/lib/job-status";
import { jobArnFromPath } from "@/lib/job-url";
import { crpuPriceQuery } from "@/lib/queries/costs";
import { exportsQuery } from "@/lib/queries/exports";
import { ServerReads } from "@/lib/queries/hydrate";
import { jobQuery } from "@/lib/queries/job";
import { configuredModelQuery } from "@/lib/queries/models";
import { prefetchNames } from "@/lib/queries/names";
import { dehydrateReads, fromServer, prefetchWithin } from "@/lib/queries/prefetch";
import { makeQueryClient } from "@/lib/query-client";
import { listExportJobs } from "@/lib/reads/exports";
import { readJob } from "@/lib/reads/jobs";
import { getConfiguredModel } from "@/lib/reads/models";

import { JobPageClient } from "./page-client";

export const dynamic = "force-dynamic";

/** How long the page waits for the names of its IDs before painting the IDs (the browser reads on). */
const NAMES_WAIT_MS = 2_500;

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
const jobOfPath = cache(async (region: string, account: string, id: string[]) => {
  const arn = jobArnFromPath(region, account, id);
  if (!arn) return undefined;
  try {
    // Opening the page reads anew (joining a read under way); readAt: when the service answered.
    const { data: job, readAt } = await readJob(arn, { fresh: true });
    return { arn, job, readAt };
  } catch (error) {
    if (isNotFound(error)) return undefined;
    throw error;
  }
});

export async function generateMetadata({ params }: { params: Promise<Params> }): Promise<Metadata> {
  const { region, account, id } = await params;
  const found = await jobOfPath(region, account, id).catch(() => undefined);
  // The status from the first paint, not only once the browser sees it change; worded exactly as
  // the watch's title (components/job-watch), so whichever is applied last, the tab reads the same.
  return { title: found ? { absolute: jobTabTitle(found.job) } : "Job not found" };
}

export default async function JobPage({ params }: { params: Promise<Params> }) {
  const { region, account, id } = await params;
  const found = await jobOfPath(region, account, id);
  if (!found) notFound();
  const { arn, job, readAt } = found;

  const queryClient = makeQueryClient();
  // The job as read above, stamped with when it was read, so "updated N s ago" is honest.
  queryClient.setQueryData(jobQuery(arn).queryKey, job, { updatedAt: readAt });
  // The price per CRPU-hour is a setting of this server: handed down, never fetched.
  queryClient.setQueryData(crpuPriceQuery().queryKey, { price: crpuPrice() ?? null });
  const modelArn = job.configuredAudienceModelArn;
  await Promise.all([
    queryClient.prefetchQuery({
      ...configuredModelQuery(modelArn),
      ...fromServer(() => getConfiguredModel(modelArn)),
    }),
    // A job that never finished has no exports: do not ask.
    mayHaveExports(job.status) &&
      queryClient.prefetchQuery({ ...exportsQuery(arn), ...fromServer(() => listExportJobs(arn)) }),
    // Who started it and in which collaboration, by name on first paint (an aid: at most a moment).
    prefetchWithin(prefetchNames(queryClient, [job.collaborationId]), NAMES_WAIT_MS),
  ]);

  // The model's facts are the server's read alone (a failed read is explained, not tried again in
  // the browser), so they are rendered here and their code never reaches the browser.
  const modelState = queryClient.getQueryState(configuredModelQuery(modelArn).queryKey);
  const modelSection = (
    <ConfiguredModel
      arn={modelArn}
      model={modelState?.data}
      error={modelState?.status === "error" ? readErrorOf(modelState.error) : undefined}
    />
  );

  return (
    <ServerReads state={dehydrateReads(queryClient)}>
      <JobPageClient arn={arn} modelSection={modelSection} />
    </ServerReads>
  );
}
