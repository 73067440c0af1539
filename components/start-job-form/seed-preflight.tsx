"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormContext, useWatch } from "react-hook-form";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ErrorAlert } from "@/components/ui/error-alert";
import { readErrorOf } from "@/lib/fetch-json";
import { formatCount } from "@/lib/format";
import { configuredModelQuery } from "@/lib/queries/models";
import { seedPreflightQuery } from "@/lib/queries/seeds";
import {
  CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN,
  SEED_USERS_MAX,
  SEED_USERS_MIN,
} from "@/lib/schemas/limits";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";
import { formatBytes } from "@/lib/seeds/format";
import type { SeedReport } from "@/lib/seeds/types";

/** The configured model's minimum matching seed size, when a model is chosen and read. */
function useModelMinimum(): number | undefined {
  const { control } = useFormContext<StartJobFormValues>();
  const modelArn = useWatch({ control, name: "configuredAudienceModelArn" });
  const model = useQuery({
    ...configuredModelQuery(modelArn),
    enabled: CONFIGURED_AUDIENCE_MODEL_ARN_PATTERN.test(modelArn),
  });
  return model.data?.minMatchingSeedSize;
}

/**
 * The seed check: reads the seed on the server (every object of a folder) and
 * reports what the service would find, before a job is paid for. Leaving
 * the page cancels the read.
 */
export function SeedPreflight({ uri }: { uri: string }) {
  const report = useQuery(seedPreflightQuery(uri));
  const minimum = useModelMinimum();

  return (
    <section
      aria-label="Seed check"
      aria-busy={report.isFetching}
      className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm sm:p-4"
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 className="font-medium text-slate-900">Seed check</h3>
        <Button
          variant="ghost"
          className="min-h-0 px-2 py-1 text-xs"
          disabled={report.isFetching}
          onClick={() => void report.refetch()}
        >
          Check again
        </Button>
      </div>
      <p className="mt-0.5 text-xs break-all text-slate-500">{uri}</p>
      <div role="status" className="mt-3">
        {report.isFetching && !report.data ? (
          <p className="text-slate-600">Reading the seed…</p>
        ) : report.error ? (
          <ErrorAlert title="The seed could not be checked" error={readErrorOf(report.error)} />
        ) : report.data ? (
          <ReportBody report={report.data} minimum={minimum} />
        ) : null}
      </div>
    </section>
  );
}

function ReportBody({ report, minimum }: { report: SeedReport; minimum: number | undefined }) {
  const ok = report.problems.length === 0;
  const unique = report.uniqueOverMax
    ? `over ${formatCount(SEED_USERS_MAX)}`
    : formatCount(report.uniqueIds);
  const facts: [string, string][] = [
    ["Lines", formatCount(report.lines)],
    ["Duplicates", formatCount(report.duplicates)],
    ["Blank lines", formatCount(report.blankLines)],
    ["Malformed lines", formatCount(report.malformedLines)],
    [
      "Size",
      report.folder
        ? `${formatBytes(report.totalBytes)} in ${formatCount(report.objects)} ${report.objects === 1 ? "file" : "files"}`
        : formatBytes(report.totalBytes),
    ],
  ];
  return (
    <div className="space-y-3">
      {ok ? (
        <Alert tone="success" title="Keeps the service's seed rules">
          JSON lines with a <code>user_id</code> on every line, and {unique} unique user IDs (
          {formatCount(SEED_USERS_MIN)} to {formatCount(SEED_USERS_MAX)} allowed).
        </Alert>
      ) : (
        <Alert tone="warning" title="The service would fail a job on this seed">
          <ul className="list-disc space-y-0.5 pl-5">
            {report.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
          <p className="mt-1 text-xs">Start job will ask you to confirm before starting it.</p>
        </Alert>
      )}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-2">
        <div className="sm:col-span-2">
          <dt className="text-xs text-slate-500">Unique user IDs</dt>
          <dd className="flex flex-wrap items-baseline gap-x-3">
            <span className="text-lg font-semibold text-slate-900 tabular-nums">{unique}</span>
            <span className="text-xs text-slate-600">
              {minimum !== undefined
                ? `The model needs at least ${formatCount(minimum)} of them in its training data (its minimum matching seed size).`
                : "Choose a model to see its minimum matching seed size."}
            </span>
          </dd>
        </div>
        {facts.map(([term, value]) => (
          <div key={term} className="flex justify-between gap-3 border-b border-slate-200 pb-1">
            <dt className="text-slate-600">{term}</dt>
            <dd className="font-medium text-slate-900 tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>
      {report.malformed.length > 0 && (
        <div>
          <p className="text-xs font-medium text-slate-700">
            {report.malformedLines > report.malformed.length
              ? `The first ${report.malformed.length} malformed lines`
              : "Malformed lines"}
            : each line must be one JSON object with a user_id, like{" "}
            <code className="whitespace-nowrap">{'{"user_id": "111111"}'}</code>.
          </p>
          <ul className="mt-1 space-y-0.5 text-xs text-slate-700">
            {report.malformed.map((m) => (
              <li key={`${m.key ?? ""}:${m.line}`}>
                <span className="font-mono">
                  {m.key ? `${m.key}, ` : ""}line {formatCount(m.line)}
                </span>{" "}
                {m.problem}
              </li>
            ))}
          </ul>
        </div>
      )}
      {report.stoppedAtByteLimit && (
        <p className="text-xs text-amber-800">
          Reading stopped at {formatBytes(report.byteLimit)} of {formatBytes(report.totalBytes)}:
          the counts are of that part. A seed within the limits is far smaller.
        </p>
      )}
      <p className="text-xs text-slate-500">
        Not checked here: how many of these users are in the model&apos;s training data. Only the
        service knows; a job with fewer matches than the model&apos;s minimum fails.
      </p>
    </div>
  );
}
