"use client";

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";

import { Card } from "@/components/ui/card";
import { readErrorOf } from "@/lib/fetch-json";
import { createBackoff } from "@/lib/polling";
import { protectedQueryQuery } from "@/lib/queries/collaborations";

import { BilledCompute } from "./billed-compute";
import { DescriptionItem, DescriptionList, Mono, NotSet } from "./description-list";

/** The protected query statuses of AWS Clean Rooms, in plain words; those still running are polled. */
const STATUS: Record<string, { label: string; running: boolean }> = {
  SUBMITTED: { label: "Submitted", running: true },
  STARTED: { label: "Running", running: true },
  CANCELLING: { label: "Cancelling", running: true },
  CANCELLED: { label: "Cancelled", running: false },
  FAILED: { label: "Failed", running: false },
  SUCCESS: { label: "Succeeded", running: false },
  TIMED_OUT: { label: "Timed out", running: false },
};

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/**
 * The protected query a SQL seed ran as (GetProtectedQuery in the caller's
 * membership of the job's collaboration): its status, and its statistics
 * when the service gives them. Polled (lib/polling.ts) while it runs. An aid:
 * when it cannot be read, one line says which permission would show it.
 */
export function ProtectedQuery({
  collaborationId,
  protectedQueryId,
}: {
  collaborationId: string | undefined;
  protectedQueryId: string | undefined;
}) {
  const [backoff] = useState(createBackoff);
  const query = useQuery({
    ...protectedQueryQuery(collaborationId ?? "", protectedQueryId ?? ""),
    enabled: Boolean(collaborationId && protectedQueryId),
    refetchInterval: (q) => (STATUS[q.state.data?.status ?? ""]?.running ? backoff(q) : false),
  });
  if (!protectedQueryId) return null;
  const data = query.data;
  return (
    <Card
      title="Protected query"
      description="The query your SQL seed ran as in AWS Clean Rooms. Its run time is the query's alone, as Clean Rooms measured it; it is not the time between the job's Created and Last changed, which the job's own service records."
    >
      {!collaborationId ? (
        <p className="text-sm text-slate-600">
          The job names no collaboration, so its protected query cannot be looked up.
        </p>
      ) : query.isError ? (
        <p role="status" className="text-xs text-amber-800">
          The protected query could not be read ({readErrorOf(query.error).code}). Allowing
          cleanrooms:GetProtectedQuery and cleanrooms:ListMemberships to the dashboard&apos;s AWS
          role would show its status here.
        </p>
      ) : !data ? (
        <p className="text-sm text-slate-500">Loading the protected query…</p>
      ) : (
        <DescriptionList>
          <DescriptionItem label="Status">
            <span data-testid="protected-query-status">
              {STATUS[data.status]?.label ?? data.status}
            </span>
          </DescriptionItem>
          <DescriptionItem label="Query run time (Clean Rooms)">
            {data.statistics?.totalDurationInMillis !== undefined ? (
              formatDuration(data.statistics.totalDurationInMillis)
            ) : (
              <NotSet>Not given by the service</NotSet>
            )}
          </DescriptionItem>
          <BilledCompute units={data.statistics?.billedUnits} />
          {data.error && (
            <DescriptionItem label="Error">
              {data.error.message}
              {data.error.code && <Mono> ({data.error.code})</Mono>}
            </DescriptionItem>
          )}
        </DescriptionList>
      )}
    </Card>
  );
}
