"use client";

import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { isDeletionStatus, isInFlight, mayHaveExports } from "@/lib/job-status";
import { useExports } from "@/lib/queries/use-exports";
import type { ConfiguredModelData } from "@/lib/reads/models";
import { sizeOptions, type SizeOption } from "@/lib/schemas/export-form";

import { Mono } from "./description-list";
import { ExportForm } from "./export-form";
import { ExportList } from "./export-list";
import { Panel } from "./panel";

/**
 * Export audience: pick one of the model's sizes and name the export
 * (StartAudienceExportJob); below, the job's export jobs with status, size and
 * output location, refreshed while any is in flight.
 */
export function ExportsPanel({
  job,
  model,
  canExport = true,
}: {
  canExport?: boolean;
  job: {
    audienceGenerationJobArn: string;
    name: string;
    status: AudienceGenerationJobStatus;
    metrics?: { relevanceMetrics: { audienceSize: SizeOption }[] };
  };
  model: ConfiguredModelData | undefined;
}) {
  const enabled = canExport && mayHaveExports(job.status);
  const exports = useExports(job.audienceGenerationJobArn, { enabled });
  const options = sizeOptions(model, job.metrics);
  const destination = model?.outputConfig.destination.s3Destination.s3Uri;

  return (
    <Panel
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
        ) : job.status === "ACTIVE" ? (
          options.length > 0 ? (
            <ExportForm
              jobArn={job.audienceGenerationJobArn}
              jobName={job.name}
              options={options}
            />
          ) : (
            <p className="text-sm text-slate-600">
              The configured model&apos;s audience sizes are not visible to your account, so the
              dashboard cannot offer an export.
            </p>
          )
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
    </Panel>
  );
}
