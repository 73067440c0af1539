"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { lazy, Suspense, useMemo, useState, type ReactNode } from "react";

import { CopyLinkButton } from "@/components/job-page/copy-link-button";
import { DeleteJobButton } from "@/components/job-page/delete-job-button";
import { ExportsPanel } from "@/components/job-page/exports-panel";
import { JobDetails } from "@/components/job-page/job-details";
import { JobGone } from "@/components/job-page/job-gone";
import { JobHeader } from "@/components/job-page/job-header";
import { RelevanceSection } from "@/components/job-page/relevance-section";
import { SeedAudience } from "@/components/job-page/seed-audience";
import { SizeSelectionProvider } from "@/components/job-page/size-selection";
import { StatusPanel } from "@/components/job-page/status-panel";
import { TagsEditor } from "@/components/job-page/tags-editor";
import { NotifyButton } from "@/components/job-watch/notify-button";
import { useJobWatch, useNotifyRequest } from "@/components/job-watch/use-job-watch";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Link } from "@/components/ui/link";
import { readErrorOf } from "@/lib/fetch-json";
import {
  canDelete,
  canEditTags,
  isBeingDeleted,
  isDeletionStatus,
  mayHaveExports,
} from "@/lib/job-status";
import { isJobGone, jobReadAt, refreshJob } from "@/lib/queries/job";
import { configuredModelQuery } from "@/lib/queries/models";
import { useExports } from "@/lib/queries/use-exports";
import { useJob } from "@/lib/queries/use-job";

// Only a SQL or template seed runs as a protected query: its section's code
// (status polling, billed compute and its price) loads for those jobs alone.
const ProtectedQuery = lazy(() =>
  import("@/components/job-page/protected-query").then((m) => ({ default: m.ProtectedQuery })),
);

const NO_EXPORTS: never[] = [];

const accountOf = (arn: string) => arn.split(":")[4];

/**
 * The account that started the job, when it is not ours. Each account reaches
 * a job through its own ARN, so the ARN's account is ours; a job another
 * member started on our model (docs/ARCHITECTURE.md, "Two accounts") can be
 * viewed but not exported, tagged or deleted from here.
 */
function otherOwner(jobArn: string, startedBy: string | undefined): string | undefined {
  return startedBy !== undefined && startedBy !== accountOf(jobArn) ? startedBy : undefined;
}

/** The job page's live part: polls the job while it is in flight and hosts the actions. */
export function JobPageClient({
  arn,
  modelSection,
}: {
  arn: string;
  /** The configured model's facts, rendered on the server (they come from the server's read alone). */
  modelSection: ReactNode;
}) {
  const queryClient = useQueryClient();
  const [deleteRequested, setDeleteRequested] = useState(false);
  const notify = useNotifyRequest();
  const query = useJob(arn, { followDeletion: deleteRequested, notify: notify.notifying });
  // When the server read what the page was rendered with (the hydrated data's time).
  const [serverReadAt] = useState(query.dataUpdatedAt);
  const job = query.data;
  const gone = isJobGone(query.error);
  // The tab title follows an unfinished job (not one that is gone); the notification, once asked for.
  const watched = useMemo(
    () => (gone ? [] : [{ arn, name: job.name, status: job.status }]),
    [arn, gone, job.name, job.status],
  );
  const unfinished = useJobWatch(watched, job.name, notify.notifying);

  const modelQuery = useQuery({
    ...configuredModelQuery(job.configuredAudienceModelArn),
    // A model the server could not read is explained as it is, not asked for again.
    retryOnMount: false,
  });
  const model = modelQuery.data;

  const owner = otherOwner(arn, job.startedBy);
  const refetchJob = () => refreshJob(queryClient, arn);
  const deleting = isBeingDeleted(job.status, deleteRequested);
  const canExport = !owner;
  // One reader of the exports: the export list shows them, the chart and the table mark their sizes.
  const exports = useExports(arn, { enabled: canExport && mayHaveExports(job.status) });

  return (
    <div className="space-y-6">
      <BackLink />
      <JobHeader
        name={job.name}
        description={job.description}
        status={job.status}
        badge={gone ? <span className="text-sm text-slate-500">Deleted</span> : undefined}
        actions={
          gone ? undefined : (
            <>
              <CopyLinkButton jobArn={arn} />
              <ButtonLink variant="secondary" href={`/jobs/new?from=${encodeURIComponent(arn)}`}>
                Start similar job
              </ButtonLink>
              {job.seedAudience && (
                <ButtonLink
                  variant="secondary"
                  href={`/schedules/new?from=${encodeURIComponent(arn)}`}
                >
                  Repeat weekly…
                </ButtonLink>
              )}
              {canDelete(job.status) && !deleting && !owner && (
                <DeleteJobButton
                  jobArn={arn}
                  jobName={job.name}
                  onDeleted={() => {
                    setDeleteRequested(true);
                    void refetchJob();
                  }}
                />
              )}
            </>
          )
        }
      />
      {gone ? (
        <JobGone />
      ) : (
        <>
          <StatusPanel
            status={job.status}
            statusDetails={job.statusDetails}
            updatedAt={jobReadAt(arn, query.dataUpdatedAt, serverReadAt)}
            refreshing={query.isFetching}
            refreshError={query.isError ? readErrorOf(query.error) : undefined}
          />
          <NotifyButton request={notify} unfinished={unfinished} />
          {owner && (
            <Alert tone="info" title="Another member's job">
              Account {owner}, another member of the collaboration, started this job on your model.
              You can follow it here; only that account can export its audience, change its tags or
              delete it.
            </Alert>
          )}
          {deleteRequested && !isDeletionStatus(job.status) && (
            <Alert tone="info" role="status">
              Deletion requested. This page follows it until the job is gone.
            </Alert>
          )}

          <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
            <div className="min-w-0 space-y-6">
              <SizeSelectionProvider exports={exports.data ?? NO_EXPORTS}>
                <RelevanceSection status={job.status} metrics={job.metrics} model={model} />
                <ExportsPanel job={job} model={model} canExport={canExport} exports={exports} />
              </SizeSelectionProvider>
              <TagsEditor
                resourceArn={arn}
                tags={job.tags}
                canEdit={!owner && canEditTags(job.status, deleteRequested)}
                onSaved={refetchJob}
              />
            </div>
            <div className="min-w-0 space-y-6">
              <JobDetails job={job} modelName={model?.name} />
              <SeedAudience job={job} />
              {job.protectedQueryIdentifier && (
                <Suspense
                  fallback={
                    <Card title="Protected query">
                      <p className="text-sm text-slate-500">Loading the protected query…</p>
                    </Card>
                  }
                >
                  <ProtectedQuery
                    collaborationId={job.collaborationId}
                    protectedQueryId={job.protectedQueryIdentifier}
                  />
                </Suspense>
              )}
              {modelSection}
            </div>
          </div>
        </>
      )}
    </div>
  );
}

function BackLink() {
  return (
    <nav aria-label="Breadcrumb" className="text-sm">
      <Link href="/" className="text-indigo-700 underline-offset-2 hover:underline">
        ← All jobs
      </Link>
    </nav>
  );
}
