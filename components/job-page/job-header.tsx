import type { ReactNode } from "react";

import { StatusBadge } from "@/components/job-status/status-badge";
import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";

/** The job's name (the page's one `<h1>`), its status, description and the actions. */
export function JobHeader({
  name,
  description,
  status,
  badge,
  actions,
}: {
  name: string;
  description: string | undefined;
  status: AudienceGenerationJobStatus;
  /** Replaces the status badge (e.g. once the job is gone). */
  badge?: ReactNode;
  actions?: ReactNode;
}) {
  return (
    <header className="space-y-3">
      <div className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0 space-y-1.5">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-words text-slate-900">
              {name}
            </h1>
            {badge ?? <StatusBadge status={status} />}
          </div>
          {description && (
            <p className="max-w-prose text-sm whitespace-pre-line text-slate-600">{description}</p>
          )}
        </div>
        {actions && <div className="flex flex-wrap items-center gap-2">{actions}</div>}
      </div>
    </header>
  );
}
