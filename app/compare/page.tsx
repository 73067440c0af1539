import type { Metadata } from "next";

import { CompareView } from "@/components/compare/compare-view";
import { Alert } from "@/components/ui/alert";
import { Link } from "@/components/ui/link";
import { parseCompareLink } from "@/lib/compare";
import { ServerReads } from "@/lib/queries/hydrate";
import { jobQuery } from "@/lib/queries/job";
import { configuredModelQuery } from "@/lib/queries/models";
import { dehydrateReads, fromServer } from "@/lib/queries/prefetch";
import { makeQueryClient } from "@/lib/query-client";
import { readJob, type JobData } from "@/lib/reads/jobs";
import { getConfiguredModel } from "@/lib/reads/models";

export const metadata: Metadata = { title: "Compare jobs" };

/**
 * Jobs side by side: `/compare?at=<region>:<account>&ids=<id>,…` or
 * `/compare?jobs=<job ARN>,…` (lib/compare.ts; the URL is the whole state, so
 * it is a shareable link). The server reads every job, then
 * their models, and renders the chart's table and the missing jobs before any
 * JavaScript runs; a job that cannot be read is shown with the service's
 * reason while the others are compared. A link naming too many jobs, too few
 * or something that is not a job ARN says so.
 */
export default async function ComparePage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const request = parseCompareLink(await searchParams);

  let body: React.ReactNode;
  if (!request.ok) {
    body = (
      <Alert tone="warning" role="alert" title="These jobs cannot be compared">
        <p>{request.problem}</p>
        <p className="mt-2">
          <Link href="/" className="font-medium underline underline-offset-2">
            Choose jobs in the list
          </Link>
        </p>
      </Alert>
    );
  } else {
    const queryClient = makeQueryClient();
    await Promise.all(
      request.arns.map((arn) =>
        queryClient.prefetchQuery({
          ...jobQuery(arn),
          ...fromServer(async () => (await readJob(arn, { fresh: true })).data),
        }),
      ),
    );
    const modelArns = new Set(
      request.arns.flatMap((arn) => {
        const job = queryClient.getQueryData<JobData>(jobQuery(arn).queryKey);
        return job ? [job.configuredAudienceModelArn] : [];
      }),
    );
    await Promise.all(
      [...modelArns].map((arn) =>
        queryClient.prefetchQuery({
          ...configuredModelQuery(arn),
          ...fromServer(() => getConfiguredModel(arn)),
        }),
      ),
    );
    body = (
      <ServerReads state={dehydrateReads(queryClient)}>
        <CompareView arns={request.arns} />
      </ServerReads>
    );
  }

  return (
    <div className="space-y-6">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/" className="text-indigo-700 underline-offset-2 hover:underline">
          ← All jobs
        </Link>
      </nav>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Compare jobs</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          Relevance of several jobs on one scale, to keep the best seed. This page&apos;s address is
          the comparison: share it like a job link.
        </p>
      </div>
      {body}
    </div>
  );
}
