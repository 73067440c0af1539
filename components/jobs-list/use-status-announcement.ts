"use client";

import { useMemo, useState } from "react";

import type { AudienceGenerationJobStatus } from "@/lib/cleanrooms-ml";
import { jobStatusFacts } from "@/lib/job-status";
import type { JobSummaryData } from "@/lib/reads/jobs";

import { statusChanges, statusKeyOf } from "./rows";

/** What to announce to screen readers when loaded rows change status ("Spring sale is now Active."). */
export function useStatusAnnouncement(rows: readonly JobSummaryData[]): string {
  // Made again only when the rows do: a keystroke in the search leaves them as they are.
  const statusKey = useMemo(() => statusKeyOf(rows), [rows]);
  const [seen, setSeen] = useState(() => ({ key: statusKey, rows }));
  const [announcement, setAnnouncement] = useState("");
  if (seen.key !== statusKey) {
    const before = new Map<string, AudienceGenerationJobStatus>(
      seen.rows.map((job) => [job.audienceGenerationJobArn, job.status]),
    );
    const changes = statusChanges(before, rows);
    setSeen({ key: statusKey, rows });
    if (changes.length > 0) {
      setAnnouncement(
        changes.map((c) => `${c.name} is now ${jobStatusFacts(c.status).label}.`).join(" "),
      );
    }
  }
  return announcement;
}
