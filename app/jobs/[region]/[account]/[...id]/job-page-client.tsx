"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";

import { ConfiguredModel } from "@/components/job/configured-model";
import { CopyLinkButton } from "@/components/job/copy-link-button";
import { canDelete, DeleteJobButton } from "@/components/job/delete-job-button";
import { ExportsPanel } from "@/components/job/exports-panel";
import { JobDetails } from "@/components/job/job-details";
import { JobGone } from "@/components/job/job-gone";
import { JobHeader } from "@/components/job/job-header";
import { RelevanceSection } from "@/components/job/relevance-section";
import { SeedAudience } from "@/components/job/seed-audience";
import { StatusPanel } from "@/components/job/status-panel";
import { TagsEditor } from "@/components/job/tags-editor";
import { Alert } from "@/components/ui/alert";
import { ButtonLink } from "@/components/ui/button";
import type { ActionError } from "@/lib/action-result";
import { RouteError } from "@/lib/fetch-json";
import { isJobGone, jobReadAt, refreshJob, useJob } from "@/lib/queries/job";
import { configuredModelQuery } from "@/lib/queries/models";
import type { ExportJobData } from "@/lib/reads/exports";
import type { JobData } from "@/lib/reads/jobs";
import type { ConfiguredModelData } from "@/lib/reads/models";

export interface JobPageProps {
  arn: string;
  initialJob: JobData;
  /** When the server read the job (ms since the epoch). */
  readAt: number;
  model: ConfiguredModelData | undefined;
  modelError: ActionError | undefined;
  initialExports: ExportJobData[] | undefined;
}

const accountOf = (arn: string) => arn.split(":")[4];

/**
 * The account that owns the job, when it is known not to be ours. Only the
 * account that owns a configured model can read it, so a readable model tells
 * us our account; a job in another account (a collaboration member's) can be
 * viewed but not exported, tagged or deleted from here.
 */
function otherOwner(jobArn: string, model: ConfiguredModelData | undefined): string | undefined {
  if (!model) return undefined;
  const jobAccount = accountOf(jobArn);
  return jobAccount !== accountOf(model.configuredAudienceModelArn) ? jobAccount : undefined;
}

function refreshErrorOf(error: Error | null): ActionError | undefined {
  if (!error) return undefined;
  return error instanceof RouteError
    ? error.error
    : { code: "NetworkError", message: error.message };
}

/** The job page's live part: polls the job while it is in flight and hosts the actions. */
export function JobPageClient({
  arn,
  initialJob,
  readAt,
  model: initialModel,
  modelError,
  initialExports,
}: JobPageProps) {
  const queryClient = useQueryClient();
  const [deleteRequested, setDeleteRequested] = useState(false);
  const query = useJob(arn, initialJob, {
    initialDataUpdatedAt: readAt,
    followDeletion: deleteRequested,
  });
  const job = query.data ?? initialJob;
  const gone = isJobGone(query.error);

  const modelQuery = useQuery({
    ...configuredModelQuery(job.configuredAudienceModelArn),
    initialData: initialModel,
    enabled: initialModel !== undefined,
  });
  const model = modelQuery.data;

  const owner = otherOwner(arn, model);
  const refetchJob = () => refreshJob(queryClient, arn);
  const deleting =
    job.status === "DELETE_PENDING" ||
    job.status === "DELETE_IN_PROGRESS" ||
    (deleteRequested && job.status !== "DELETE_FAILED");

  if (gone) {
    return (
      <div className="space-y-6">
        <BackLink />
        <JobHeader
          name={job.name}
          description={job.description}
          status={job.status}
          badge={<span className="text-sm text-slate-500">Deleted</span>}
        />
        <JobGone />
      </div>
    );
  }

  return (
    <div className="space-y-6">
      <BackLink />
      <JobHeader
        name={job.name}
        description={job.description}
        status={job.status}
        actions={
          <>
            <CopyLinkButton jobArn={arn} />
            <ButtonLink variant="secondary" href={`/jobs/new?from=${encodeURIComponent(arn)}`}>
              Start similar job
            </ButtonLink>
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
        }
      />

      <StatusPanel
        status={job.status}
        statusDetails={job.statusDetails}
        updatedAt={jobReadAt(arn, query.dataUpdatedAt, readAt)}
        refreshing={query.isFetching}
        refreshError={query.isError ? refreshErrorOf(query.error) : undefined}
      />
      {owner && (
        <Alert tone="info" title="Another member's job">
          This job belongs to account {owner}, another member of the collaboration. You can follow
          it here; only that account can export its audience, change its tags or delete it.
        </Alert>
      )}
      {deleteRequested && !job.status.startsWith("DELETE_") && (
        <Alert tone="info" role="status">
          Deletion requested. This page follows it until the job is gone.
        </Alert>
      )}

      <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <div className="min-w-0 space-y-6">
          <RelevanceSection status={job.status} metrics={job.metrics} model={model} />
          <ExportsPanel
            job={job}
            model={model}
            initialExports={initialExports}
            canExport={!owner}
          />
          <TagsEditor
            resourceArn={arn}
            tags={job.tags}
            canEdit={!owner && !deleting && !job.status.startsWith("DELETE_")}
            onSaved={refetchJob}
          />
        </div>
        <div className="min-w-0 space-y-6">
          <JobDetails job={job} modelName={model?.name} />
          <SeedAudience job={job} />
          <ConfiguredModel arn={job.configuredAudienceModelArn} model={model} error={modelError} />
        </div>
      </div>
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
