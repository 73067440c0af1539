"use client";

import { useQueries, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";

import { NotifyButton } from "@/components/job-watch/notify-button";
import { useJobWatch, useNotifyRequest } from "@/components/job-watch/use-job-watch";
import { CopyButton } from "@/components/shared/copy-button";
import { Button } from "@/components/ui/button";
import { ErrorMessage } from "@/components/ui/error-alert";
import type { ActionError } from "@/lib/action-result";
import { compareHref } from "@/lib/compare";
import { readErrorOf } from "@/lib/fetch-json";
import { isJobGone, refreshJob } from "@/lib/queries/job";
import { configuredModelQuery } from "@/lib/queries/models";
import { useJobs } from "@/lib/queries/use-jobs";

import { CompareChart } from "./compare-chart";
import { comparePanels, compareRow, JOB_COLORS, type CompareRow } from "./compare-data";
import { CompareTable } from "./compare-table";

const CONTEXT = "Compare jobs";

/** A job of the link that could not be read: gone (404), or the read failed. */
interface UnreadJob {
  arn: string;
  gone: boolean;
  error: ActionError;
  retry: () => void;
  retrying: boolean;
}

/**
 * The comparison's live part: each job polled by the job page's policy
 * (`useJobs`), a chart per size kind, the table, and the jobs that could not
 * be read, each with the service's reason. The jobs come from the URL.
 */
export function CompareView({ arns }: { arns: string[] }) {
  const notify = useNotifyRequest();
  const queryClient = useQueryClient();
  const jobs = useJobs(arns, { notify: notify.notifying });
  const modelArns = [
    ...new Set(jobs.flatMap((q) => (q.data ? [q.data.configuredAudienceModelArn] : []))),
  ];
  const models = useQueries({
    queries: modelArns.map((arn) => ({ ...configuredModelQuery(arn), retryOnMount: false })),
  });
  const modelOf = new Map(modelArns.map((arn, i) => [arn, models[i]?.data]));

  const rows: CompareRow[] = [];
  const unread: UnreadJob[] = [];
  arns.forEach((arn, index) => {
    const query = jobs[index];
    if (!query) return;
    const job = query.data;
    const gone = isJobGone(query.error);
    if (job && !gone) {
      rows.push(
        compareRow({
          arn,
          job,
          model: modelOf.get(job.configuredAudienceModelArn),
          color: JOB_COLORS[index % JOB_COLORS.length]!,
        }),
      );
    } else if (query.isError) {
      unread.push({
        arn,
        gone,
        error: readErrorOf(query.error),
        retry: () => void refreshJob(queryClient, arn),
        retrying: query.isFetching,
      });
    }
  });
  const panels = comparePanels(rows);

  const statusKey = rows.map((row) => `${row.arn}=${row.job.status}`).join("|");
  const watched = useMemo(
    () => rows.map((row) => ({ arn: row.arn, name: row.job.name, status: row.job.status })),
    // The rows are rebuilt each render; the watched list changes only with a name or status.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [statusKey],
  );
  const unfinished = useJobWatch(watched, CONTEXT, notify.notifying);

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-center gap-3">
        <CopyButton
          text={() => new URL(compareHref(arns), window.location.origin).toString()}
          copied="Link copied"
        >
          Copy link
        </CopyButton>
        <NotifyButton request={notify} unfinished={unfinished} plural />
      </div>
      {unread.length > 0 && <UnreadJobs jobs={unread} />}
      {rows.length > 0 && (
        <section
          aria-labelledby="compare-chart"
          className="rounded-lg border border-slate-200 bg-white p-4 shadow-xs sm:p-5"
        >
          <h2 id="compare-chart" className="text-base font-semibold text-slate-900">
            Relevance by audience size
          </h2>
          <p className="mt-0.5 text-sm text-slate-500">
            Every job on the same 0 to 10 scale: the higher line at the size you need is the better
            seed.
            {panels.length > 1 &&
              " These models size audiences differently (users and shares of users), so each kind has its own chart."}
          </p>
          {panels.length === 0 ? (
            <p className="mt-4 rounded-md border border-dashed border-slate-300 bg-slate-50 px-4 py-6 text-center text-sm text-slate-600">
              None of these jobs has relevance scores yet. The chart appears as soon as one
              finishes; this page updates by itself.
            </p>
          ) : (
            <div className={panels.length > 1 ? "mt-4 grid gap-6 lg:grid-cols-2" : "mt-4"}>
              {panels.map((panel) => (
                <CompareChart key={panel.type} panel={panel} />
              ))}
            </div>
          )}
        </section>
      )}
      {rows.length > 0 && <CompareTable rows={rows} />}
    </div>
  );
}

function UnreadJobs({ jobs }: { jobs: UnreadJob[] }) {
  // One "Try again" for every job that could not be read (a job that is gone is not asked for again).
  const failed = jobs.filter((job) => !job.gone);
  const retrying = failed.some((job) => job.retrying);
  return (
    <section
      aria-labelledby="compare-missing"
      className="rounded-lg border border-amber-200 bg-amber-50 px-4 py-3 text-sm text-amber-950"
    >
      <h2 id="compare-missing" className="font-medium">
        {jobs.length === 1 ? "One job is not compared" : `${jobs.length} jobs are not compared`}
      </h2>
      <ul className="mt-2 space-y-2">
        {jobs.map((job) => (
          <li key={job.arn} data-missing-arn={job.arn}>
            <span className="font-medium">{job.gone ? "Missing" : "Could not be read"}:</span>{" "}
            <span className="font-mono text-xs break-all">{job.arn}</span>
            <span className="mt-0.5 block text-amber-900">
              <ErrorMessage error={job.error} />
            </span>
          </li>
        ))}
      </ul>
      {failed.length > 0 && (
        <Button
          variant="secondary"
          className="mt-2"
          onClick={() => failed.forEach((job) => job.retry())}
          disabled={retrying}
        >
          {retrying
            ? "Trying again…"
            : failed.length === 1
              ? "Try again"
              : `Try again for all ${failed.length}`}
        </Button>
      )}
    </section>
  );
}
