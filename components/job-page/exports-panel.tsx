"use client";

import { Card } from "@/components/ui/card";
import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { isDeletionStatus, isInFlight, isReady, mayHaveExports } from "@/lib/job-status";
import type { useExports } from "@/lib/queries/use-exports";
import type { ConfiguredModelData } from "@/lib/reads/models";
import { sizeOptions, type SizeOption } from "@/lib/schemas/export-form-values";

import { Mono } from "./description-list";
import { ExportForm } from "./export-form";
import { ExportList } from "./export-list";
import { sizeKey } from "./size-selection";

/**
 * Export audience: pick one of the model's sizes and name the export
 * (StartAudienceExportJob); below, the job's export jobs with status, size and
 * output location, refreshed while any is in flight (the page's `useExports`).
 */
export function ExportsPanel({
  job,
  model,
  canExport = true,
  exports,
}: {
  canExport?: boolean;
  /** The job's exports, read once by the page (the relevance section marks their sizes too). */
  exports: ReturnType<typeof useExports>;
  job: {
    audienceGenerationJobArn: string;
    name: string;
    status: AudienceGenerationJobStatus;
    metrics?: {
      relevanceMetrics: { audienceSize: SizeOption; score?: number }[];
      recallMetric?: number;
    };
  };
  model: ConfiguredModelData | undefined;
}) {
  const enabled = canExport && mayHaveExports(job.status);
  const options = sizeOptions(model, job.metrics);
  const destination = model?.outputConfig?.destination.s3Destination.s3Uri;

  return (
    <Card
      title="Export audience"
      description={
        <>
          Write the users of one audience size to S3
          {destination ? (
            <>
              {" "}
              under <Mono>{destination}</Mono>
            </>
          ) : null}
          , ready for your activation channel.
        </>
      }
    >
      <div className="space-y-5">
        {!canExport ? (
          <p className="text-sm text-slate-600">
            Only the account that owns this job can export its audience.
          </p>
        ) : isReady(job.status) ? (
          // With no sizes to offer (neither the model nor the job's metrics name any), one is typed.
          <ExportForm
            jobArn={job.audienceGenerationJobArn}
            jobName={job.name}
            options={options}
            scores={scoresOf(job.metrics)}
            recall={job.metrics?.recallMetric}
          />
        ) : (
          <p className="text-sm text-slate-600">
            {isDeletionStatus(job.status)
              ? "Exports are not possible while the job is being deleted or after a failed deletion."
              : isInFlight(job.status)
                ? "You can export the audience once the job is active."
                : "A failed job has no audience to export."}
          </p>
        )}
        {enabled && <ExportList query={exports} />}
      </div>
    </Card>
  );
}

/** Each scored size's relevance score, by size key. */
function scoresOf(
  metrics: { relevanceMetrics: { audienceSize: SizeOption; score?: number }[] } | undefined,
): Map<string, number> {
  const scores = new Map<string, number>();
  for (const m of metrics?.relevanceMetrics ?? [])
    if (m.score !== undefined) scores.set(sizeKey(m.audienceSize), m.score);
  return scores;
}
