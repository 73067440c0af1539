import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";

import { NextRun } from "@/components/schedules/next-run";
import {
  DeleteScheduleButton,
  EditScheduleLink,
  PauseResumeButton,
} from "@/components/schedules/schedule-actions";
import { ScheduleHistory } from "@/components/schedules/schedule-history";
import { Badge } from "@/components/ui/badge";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Link } from "@/components/ui/link";
import { scheduleInWords } from "@/lib/schedule-time/describe";
import { historyRows, lastExportedSize } from "@/lib/schedules/history-view";
import { getSchedule, readRunExports, readScheduleRuns } from "@/lib/schedules/reads";
import { scheduleNameFromPath } from "@/lib/schedules/schedule-url";
import { toActionError } from "@/lib/service-errors";

export const dynamic = "force-dynamic";

/** Runs whose exports are read (the newest): older runs show "Not read". */
const RUNS_WITH_EXPORTS = 20;

const scheduleOfPath = cache(async (segment: string) => {
  const name = scheduleNameFromPath(segment);
  return name ? getSchedule(name) : undefined;
});

export async function generateMetadata({
  params,
}: {
  params: Promise<{ name: string }>;
}): Promise<Metadata> {
  const { name } = await params;
  const schedule = await scheduleOfPath(name).catch(() => undefined);
  return { title: schedule ? `Schedule ${schedule.name}` : "Schedule not found" };
}

/**
 * A schedule's page (shareable: `/schedules/<name>`): what it runs and when,
 * its runs as a table and a chart, missed due times and runs not exported.
 */
export default async function SchedulePage({ params }: { params: Promise<{ name: string }> }) {
  const { name: segment } = await params;
  const schedule = await scheduleOfPath(segment);
  if (!schedule) notFound();
  const now = new Date();

  let history:
    { rows: ReturnType<typeof historyRows>; last: ReturnType<typeof lastExportedSize> } | undefined;
  let readError: ReturnType<typeof toActionError> | undefined;
  try {
    const runs = (await readScheduleRuns([schedule])).get(schedule.name) ?? [];
    const exports = await readRunExports(runs.slice(0, RUNS_WITH_EXPORTS));
    const rows = historyRows({
      schedule,
      flexibleWindowMinutes: schedule.flexibleWindowMinutes,
      runs,
      exports,
      now,
    });
    history = { rows, last: lastExportedSize(exports) };
  } catch (thrown) {
    readError = toActionError(thrown);
  }

  const enabled = schedule.state === "ENABLED";
  return (
    <div className="space-y-6">
      <Link href="/schedules" className="text-sm text-slate-600 hover:text-slate-900">
        ← Schedules
      </Link>
      <header className="flex flex-wrap items-start justify-between gap-x-6 gap-y-3">
        <div className="min-w-0 space-y-1.5">
          <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <h1 className="min-w-0 text-2xl font-semibold tracking-tight break-all text-slate-900">
              {schedule.name}
            </h1>
            {enabled ? <Badge tone="success">On</Badge> : <Badge>Paused</Badge>}
          </div>
          <p className="text-sm text-slate-700">
            {scheduleInWords(schedule.expression, schedule.timezone)}
            {schedule.flexibleWindowMinutes > 0 &&
              `, within ${schedule.flexibleWindowMinutes} minutes`}
          </p>
          {schedule.description && (
            <p className="max-w-prose text-sm text-slate-600">{schedule.description}</p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <PauseResumeButton name={schedule.name} enabled={enabled} />
          <EditScheduleLink name={schedule.name} />
          <DeleteScheduleButton name={schedule.name} />
        </div>
      </header>

      <dl className="grid gap-x-6 gap-y-3 rounded-lg border border-slate-200 bg-white p-4 text-sm sm:grid-cols-3">
        <div>
          <dt className="text-xs text-slate-500">Next run (your time)</dt>
          <dd>
            <NextRun schedule={schedule} renderedAt={now.toISOString()} />
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Each run&apos;s job</dt>
          <dd className="font-mono text-xs break-all text-slate-800">
            {schedule.request?.name ?? "Not a job request"}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-slate-500">Runs as</dt>
          <dd className="font-mono text-xs break-all text-slate-800">{schedule.roleArn}</dd>
        </div>
      </dl>

      {readError ? (
        <ErrorAlert role="alert" title="The runs could not be read" error={readError} />
      ) : (
        <ScheduleHistory rows={history!.rows} lastExported={history!.last} />
      )}
    </div>
  );
}
