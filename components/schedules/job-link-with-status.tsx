import { StatusBadge } from "@/components/job-status/status-badge";
import { Link } from "@/components/ui/link";
import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml/types";
import { jobPath } from "@/lib/job-url";

/** A run of a schedule: its job's name, linked to the job's page, above the job's status. */
export function JobLinkWithStatus({
  arn,
  name,
  status,
}: {
  arn: string;
  name: string;
  status: AudienceGenerationJobStatus;
}) {
  return (
    <span className="flex flex-col items-start gap-1">
      <Link
        href={jobPath(arn)}
        className="break-all text-indigo-700 underline-offset-2 hover:underline"
      >
        {name}
      </Link>
      <StatusBadge status={status} />
    </span>
  );
}
