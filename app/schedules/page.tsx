import type { Metadata } from "next";

import { JobLinkWithStatus } from "@/components/schedules/job-link-with-status";
import { NextRun } from "@/components/schedules/next-run";
import {
  DeleteScheduleButton,
  EditScheduleLink,
  PauseResumeButton,
} from "@/components/schedules/schedule-actions";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { Link } from "@/components/ui/link";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { scheduleInWords } from "@/lib/schedule-time/describe";
import {
  listSchedules,
  readScheduleRuns,
  type RunData,
  type ScheduleView,
} from "@/lib/schedules/reads";
import { schedulePath } from "@/lib/schedules/schedule-url";
import { toActionError } from "@/lib/service-errors";

export const metadata: Metadata = { title: "Schedules" };
export const dynamic = "force-dynamic";

async function read() {
  try {
    const schedules = await listSchedules();
    // The last run of each: read through the jobs list; without it the schedules still show.
    const runs = await readScheduleRuns(schedules, { perSchedule: 1 }).catch(() => undefined);
    return { schedules, runs };
  } catch (thrown) {
    return { error: toActionError(thrown) };
  }
}

/**
 * Every schedule of the account that starts audience jobs (EventBridge
 * Scheduler's default group; schedules of other targets are not ours to
 * show), with its cadence in words, next run, last run and state.
 */
export default async function SchedulesPage() {
  const result = await read();
  const renderedAt = new Date().toISOString();
  return (
    <div className="space-y-6">
      <header className="flex flex-wrap items-end justify-between gap-3">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Schedules</h1>
          <p className="max-w-prose text-sm text-slate-600">
            Jobs that EventBridge Scheduler starts again on a cadence, in your AWS account. To add
            one, open a job and choose Repeat weekly…, or choose Repeat this job on the new-job
            form.
          </p>
        </div>
        <ButtonLink href="/jobs/new" variant="secondary">
          New job
        </ButtonLink>
      </header>
      {"error" in result && result.error ? (
        <ErrorAlert role="alert" title="The schedules could not be read" error={result.error} />
      ) : result.schedules && result.schedules.length === 0 ? (
        <p className="rounded-lg border border-dashed border-slate-300 bg-white px-4 py-8 text-center text-sm text-slate-600">
          No schedule starts audience jobs yet.
        </p>
      ) : (
        <Table frameClassName="relative shadow-none" className="min-w-[44rem]">
          <TableCaption>Schedules that start audience generation jobs</TableCaption>
          <TableHeader>
            <TableRow className="align-middle">
              <TableHead className="py-2">Schedule</TableHead>
              <TableHead className="py-2">Cadence</TableHead>
              <TableHead className="py-2">Next run</TableHead>
              <TableHead className="py-2">Last run</TableHead>
              <TableHead className="py-2">State</TableHead>
              <TableHead className="py-2">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {result.schedules?.map((schedule) => (
              <ScheduleRow
                key={schedule.name}
                schedule={schedule}
                last={result.runs?.get(schedule.name)?.[0]}
                runsRead={result.runs !== undefined}
                renderedAt={renderedAt}
              />
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}

/** One schedule: its name, cadence in words, next run, last run, state and actions. */
function ScheduleRow({
  schedule,
  last,
  runsRead,
  renderedAt,
}: {
  schedule: ScheduleView;
  last: RunData | undefined;
  /** False when the runs could not be read: "Not read" rather than "No run yet". */
  runsRead: boolean;
  renderedAt: string;
}) {
  return (
    <TableRow>
      <TableHead scope="row" className="py-2.5 font-medium">
        <Link
          href={schedulePath(schedule.name)}
          className="break-all text-indigo-700 underline-offset-2 hover:underline"
        >
          {schedule.name}
        </Link>
        {schedule.description && (
          <span className="block text-xs font-normal text-slate-500">{schedule.description}</span>
        )}
      </TableHead>
      <TableCell className="py-2.5 text-slate-800">
        {scheduleInWords(schedule.expression, schedule.timezone)}
      </TableCell>
      <TableCell className="py-2.5">
        <NextRun schedule={schedule} renderedAt={renderedAt} />
      </TableCell>
      <TableCell className="py-2.5">
        {last ? (
          <JobLinkWithStatus
            arn={last.audienceGenerationJobArn}
            name={last.name}
            status={last.status}
          />
        ) : (
          <span className="text-slate-500">{runsRead ? "No run yet" : "Not read"}</span>
        )}
      </TableCell>
      <TableCell className="py-2.5">
        {schedule.state === "ENABLED" ? <Badge tone="success">On</Badge> : <Badge>Paused</Badge>}
      </TableCell>
      <TableCell className="py-2.5">
        <span className="flex flex-wrap gap-2">
          <PauseResumeButton name={schedule.name} enabled={schedule.state === "ENABLED"} />
          <EditScheduleLink name={schedule.name} />
          <DeleteScheduleButton name={schedule.name} />
        </span>
      </TableCell>
    </TableRow>
  );
}
