import { Badge } from "@/components/ui/badge";
import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { JOB_STATUS } from "@/lib/job-status";

export function StatusBadge({ status }: { status: AudienceGenerationJobStatus }) {
  const facts = JOB_STATUS[status] ?? { label: status, tone: "neutral" as const, final: true };
  return (
    <Badge tone={facts.tone}>
      {!facts.final && (
        <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" />
      )}
      <span data-status={status}>{facts.label}</span>
    </Badge>
  );
}
