import { Badge } from "@/components/ui/badge";
import type { AudienceExportJobStatus, AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { exportStatusFacts, jobStatusFacts, type StatusTone } from "@/lib/job-status";

/** A status as a coloured label, with a pulsing dot while it will change by itself. */
function StatusLabel({
  tone,
  final,
  children,
}: {
  tone: StatusTone;
  final: boolean;
  children: React.ReactNode;
}) {
  return (
    <Badge tone={tone}>
      {!final && <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-current" />}
      {children}
    </Badge>
  );
}

export function StatusBadge({ status }: { status: AudienceGenerationJobStatus }) {
  const facts = jobStatusFacts(status);
  return (
    <StatusLabel tone={facts.tone} final={facts.final}>
      <span data-status={status}>{facts.label}</span>
    </StatusLabel>
  );
}

export function ExportStatusBadge({ status }: { status: AudienceExportJobStatus }) {
  const facts = exportStatusFacts(status);
  return (
    <StatusLabel tone={facts.tone} final={facts.final}>
      <span data-export-status={status}>{facts.label}</span>
    </StatusLabel>
  );
}
