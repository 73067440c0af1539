"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";

import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { ErrorAlert } from "@/components/ui/error-alert";
import { controlA11y, Field, Select } from "@/components/ui/field";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import { useHydrated } from "@/components/ui/use-hydrated";
import { startAudienceExportJob } from "@/lib/actions/start-audience-export-job";
import type { AudienceGenerationJobStatus, AudienceSizeType } from "@/lib/cleanrooms-ml/types";
import { formatAbsolute } from "@/lib/format";
import { formatRecall, formatScore } from "@/lib/metrics";
import { driftFlags, driftRule, MISSED_ADVICE, scoreAt } from "@/lib/schedules/history";
import { oneActionExportSize, type RunRow } from "@/lib/schedules/history-view";
import { sizeOptionLabel, suggestedExportName } from "@/lib/schemas/export-form";
import { useAction } from "@/lib/use-action";

import { HistoryChart } from "./history-chart";
import { JobLinkWithStatus } from "./job-link-with-status";

/** The runs table's cells sit on the card's edge, with room between columns. */
const CELL = "py-2 pr-3 pl-0";
const LAST_CELL = "px-0 py-2";

type Size = { type: AudienceSizeType; value: number };
const keyOf = (s: Size) => `${s.type}:${s.value}`;

/** "Export the same size as last time" (or the suggested size) on one finished run, in one press. */
function ExportRunButton({
  job,
  size,
  why,
}: {
  job: NonNullable<RunRow["job"]>;
  size: Size;
  why: "last" | "suggested";
}) {
  const router = useRouter();
  const exporting = useAction(startAudienceExportJob);
  const [done, setDone] = useState(false);
  if (done) return <span className="text-xs text-emerald-800">Export started</span>;
  return (
    <span className="inline-flex flex-col items-start gap-1">
      <Button
        variant="secondary"
        className="min-h-8 px-2.5 py-1 text-xs"
        disabled={exporting.pending}
        onClick={async () => {
          const result = await exporting.run({
            name: suggestedExportName(job.name, size),
            audienceGenerationJobArn: job.arn,
            audienceSize: size,
          });
          if (result?.ok) {
            setDone(true);
            router.refresh();
          }
        }}
      >
        {why === "last" ? "Export the same size as last time" : "Export the suggested size"} (
        {sizeOptionLabel(size)})<span className="sr-only"> for {job.name}</span>
      </Button>
      {exporting.error && (
        <ErrorAlert role="alert" title="The export did not start" error={exporting.error} />
      )}
    </span>
  );
}

/**
 * A schedule's runs: a chart of how the audience moved (score at a chosen
 * size and recall, 0–10), and the table, newest first, with drift flags,
 * missed due times and the one-action export of each finished run.
 */
export function ScheduleHistory({
  rows,
  lastExported,
}: {
  rows: RunRow[];
  lastExported: Size | undefined;
}) {
  const hydrated = useHydrated();
  const zone = hydrated ? undefined : "UTC";
  const runs = rows.filter((r) => r.job).map((r) => r.job!);
  // The sizes of the newest scored run: every run of a schedule uses one model's sizes.
  const sizes = runs.find((job) => job.sizes.length > 0)?.sizes ?? [];
  const [sizeKey, setSizeKey] = useState(() => {
    const preferred = lastExported ? keyOf(lastExported) : undefined;
    return sizes.find((s) => keyOf(s) === preferred) ? preferred! : sizes[0] ? keyOf(sizes[0]) : "";
  });
  const size = sizes.find((s) => keyOf(s) === sizeKey);
  const sizeWords = size ? sizeOptionLabel(size) : "the chosen size";

  const oldestFirst = [...rows].reverse().filter((r) => r.job);
  const flags = driftFlags(
    oldestFirst.map((r) => ({
      score: scoreAt(
        { relevanceMetrics: r.job!.sizes.map((s) => ({ audienceSize: s, score: s.score })) },
        sizeKey,
      ),
    })),
  );
  const flagged = new Set(oldestFirst.flatMap((r, i) => (flags[i] ? [r.job!.arn] : [])));
  const points = oldestFirst
    .filter((r) => r.job!.sizes.length > 0)
    .map((r) => ({
      // The due time in UTC to the minute ("12-07 09:00"): runs of one day stay apart.
      label: r.dueTime ? r.dueTime.slice(5, 16).replace("T", " ") : r.job!.name,
      score: r.job!.sizes.find((s) => keyOf(s) === sizeKey)?.score ?? null,
      recall: r.job!.recall === undefined ? null : r.job!.recall * 10,
    }));
  const missed = rows.filter((r) => r.missed).length;
  const unexported = runs.filter((job) => job.finished && job.exportCount === 0).length;

  return (
    <div className="space-y-6">
      <Card
        title="How the audience moved"
        description="Each scored run's relevance score at one size, and its recall, on the fixed 0–10 scale (recall ÷ 10: 4 is 40%)."
      >
        {points.length === 0 ? (
          <p className="text-sm text-slate-600">No run has finished with scores yet.</p>
        ) : (
          <div className="space-y-3">
            {sizes.length > 0 && (
              <div className="max-w-xs">
                <Field id="history-size" label="Score at size">
                  <Select
                    {...controlA11y("history-size", {})}
                    value={sizeKey}
                    onChange={(event) => setSizeKey(event.target.value)}
                  >
                    {sizes.map((s) => (
                      <option key={keyOf(s)} value={keyOf(s)}>
                        {sizeOptionLabel(s)}
                      </option>
                    ))}
                  </Select>
                </Field>
              </div>
            )}
            <HistoryChart
              points={points}
              description={`Line chart across ${points.length} runs, oldest first, on a scale of 0 to 10: relevance score at ${sizeWords}, and recall divided by 10. ${points
                .map(
                  (p) =>
                    `${p.label}: score ${p.score === null ? "not given" : p.score.toFixed(2)}, recall ${p.recall === null ? "not given" : `${(p.recall * 10).toFixed(0)}%`}`,
                )
                .join("; ")}.`}
            />
            <p aria-hidden className="flex flex-wrap gap-4 text-xs text-slate-600">
              <span>
                <span className="mr-1 inline-block h-0.5 w-4 bg-indigo-600 align-middle" />{" "}
                Relevance score at {sizeWords}
              </span>
              <span>
                <span className="mr-1 inline-block h-0.5 w-4 bg-emerald-600 align-middle" /> Recall
                ÷ 10
              </span>
            </p>
            <p className="text-xs text-slate-600">{driftRule(sizeWords)}</p>
          </div>
        )}
      </Card>

      <Card
        title="Runs"
        description="Newest first. A run is a job EventBridge Scheduler started, tagged with this schedule's name."
      >
        <div className="space-y-4">
          {missed > 0 && (
            <Alert
              tone="warning"
              title={`${missed} due ${missed === 1 ? "time" : "times"} started no job`}
            >
              {MISSED_ADVICE}
            </Alert>
          )}
          {unexported > 0 && (
            <Alert
              tone="info"
              title={`${unexported} finished ${unexported === 1 ? "run is" : "runs are"} not exported`}
            >
              EventBridge Scheduler starts each job but cannot wait for it to finish, so it cannot
              export the audience: export each run here, in one press, at the size exported last
              time (or the suggested size when there was none).
            </Alert>
          )}
          {rows.length === 0 ? (
            <p className="text-sm text-slate-600">
              No run yet: the first one starts at the next run time.
            </p>
          ) : (
            <Table variant="plain" frameClassName="relative" className="min-w-[40rem]">
              <TableCaption>Runs of this schedule, newest first</TableCaption>
              <TableHeader className="bg-transparent">
                <TableRow className="align-middle">
                  <TableHead className={CELL}>Due</TableHead>
                  <TableHead className={CELL}>Job</TableHead>
                  <TableHead className={CELL}>Score at {sizeWords}</TableHead>
                  <TableHead className={CELL}>Recall</TableHead>
                  <TableHead className={LAST_CELL}>Export</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {rows.map((row) => {
                  const job = row.job;
                  const key = job?.arn ?? `missed-${row.dueTime}`;
                  const due = row.dueTime ? (
                    <time dateTime={row.dueTime}>{formatAbsolute(row.dueTime, zone)}</time>
                  ) : (
                    <span className="text-slate-500">Not known</span>
                  );
                  if (!job) {
                    return (
                      <TableRow key={key} className="bg-amber-50/50">
                        <TableCell className={CELL}>{due}</TableCell>
                        <TableCell colSpan={4} className={CELL}>
                          <Badge tone="danger">Missed</Badge>{" "}
                          <span className="text-xs text-slate-700">
                            No job started: check the role&apos;s permissions (see above).
                          </span>
                        </TableCell>
                      </TableRow>
                    );
                  }
                  const score = job.sizes.find((s) => keyOf(s) === sizeKey)?.score;
                  const oneAction = oneActionExportSize(lastExported, job.recall, job.sizes);
                  return (
                    <TableRow key={key}>
                      <TableCell className={CELL}>{due}</TableCell>
                      <TableCell className={CELL}>
                        <JobLinkWithStatus
                          arn={job.arn}
                          name={job.name}
                          status={job.status as AudienceGenerationJobStatus}
                        />
                      </TableCell>
                      <TableCell className={cn(CELL, "tabular-nums")}>
                        {job.sizes.length === 0 ? "—" : formatScore(score)}
                        {flagged.has(job.arn) && (
                          <span className="mt-1 block">
                            <Badge tone="danger">Below previous runs</Badge>
                          </span>
                        )}
                      </TableCell>
                      <TableCell className={cn(CELL, "tabular-nums")}>
                        {job.recall === undefined ? "—" : formatRecall(job.recall)}
                      </TableCell>
                      <TableCell className={LAST_CELL}>
                        {!job.finished ? (
                          <span className="text-xs text-slate-500">Not finished</span>
                        ) : job.exportCount === null ? (
                          <span className="text-xs text-amber-800">Exports could not be read</span>
                        ) : job.exportCount > 0 ? (
                          <span className="text-xs text-slate-700">
                            Exported ({job.exportCount})
                          </span>
                        ) : (
                          <span className="flex flex-col items-start gap-1">
                            <Badge>Not exported</Badge>
                            {oneAction && (
                              <ExportRunButton
                                job={job}
                                size={oneAction.size}
                                why={oneAction.why}
                              />
                            )}
                          </span>
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          )}
        </div>
      </Card>
    </div>
  );
}
