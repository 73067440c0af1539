"use client";

import { useQuery } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";

import { cn } from "@/components/ui/cn";
import {
  Table,
  TableBody,
  TableCaption,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
} from "@/components/ui/table";
import {
  estimateFromHistory,
  formatCost,
  formatCrpuHours,
  formatDurationMs,
  seedKeyOf,
  type ConfigurationEstimate,
  type CrpuPrice,
  type Spread,
} from "@/lib/costs";
import { readErrorOf } from "@/lib/fetch-json";
import { costHistoryQuery } from "@/lib/queries/costs";
import type { StartJobFormValues } from "@/lib/schemas/start-job-form";

/**
 * Before a run: what past runs of the same seed (the same analysis template,
 * or the same query text) cost on each worker configuration, from the
 * account's own billed history (`estimateFromHistory`), so the worker type
 * and count are chosen on evidence. Says plainly when there is no history.
 */
export function ComputeEstimate() {
  const [seedSource, queryString, analysisTemplateArn] = useWatch<
    StartJobFormValues,
    ["seedSource", "queryString", "analysisTemplateArn"]
  >({ name: ["seedSource", "queryString", "analysisTemplateArn"] });
  const seedKey = seedKeyOf(
    seedSource === "ANALYSIS_TEMPLATE" ? { analysisTemplateArn } : { queryString },
  );
  const query = useQuery({ ...costHistoryQuery(), enabled: seedKey !== undefined });
  const what = seedSource === "ANALYSIS_TEMPLATE" ? "template" : "query";

  let body: React.ReactNode;
  if (!seedKey) {
    body = `Choose the ${what} to see what its past runs cost.`;
  } else if (query.isError) {
    body = `Past runs could not be read: ${readErrorOf(query.error).message}`;
  } else if (!query.data) {
    body = "Looking up past runs of this seed…";
  } else {
    const estimates = estimateFromHistory(query.data.records, seedKey);
    body =
      estimates.length === 0 ? (
        `No history yet: this ${what} has not run from this account. After its first run, what it cost on its worker configuration shows here.`
      ) : (
        <EstimateTable estimates={estimates} price={query.data.price} />
      );
  }
  return (
    <section
      aria-labelledby="compute-estimate"
      className="rounded-md border border-slate-200 bg-slate-50 px-3 py-3 text-sm text-slate-700"
    >
      <h3 id="compute-estimate" className="font-medium text-slate-900">
        What past runs of this {what} cost
      </h3>
      <div className="mt-1" data-testid="compute-estimate">
        {body}
      </div>
    </section>
  );
}

const range = (s: Spread, format: (n: number) => string) =>
  s.min === s.max ? format(s.median) : `${format(s.median)} (${format(s.min)} to ${format(s.max)})`;
const hours = (n: number) => formatCrpuHours(n).replace(/ CRPU-hours?$/, "");

/** The estimate's cells sit on the panel's edge, dense, with room between columns. */
const CELL = "py-1 pr-3 pl-0";
const LAST_CELL = "px-0 py-1";

function EstimateTable({
  estimates,
  price,
}: {
  estimates: ConfigurationEstimate[];
  price: CrpuPrice | null;
}) {
  return (
    <>
      <Table variant="plain" className="mt-1">
        <TableCaption>
          Past runs of this seed by worker configuration: median, then range
        </TableCaption>
        <TableHeader className="bg-transparent">
          <TableRow className="align-middle">
            <TableHead className={CELL}>Workers</TableHead>
            <TableHead className={CELL}>Runs</TableHead>
            <TableHead className={CELL}>CRPU-hours</TableHead>
            <TableHead className={CELL}>Duration</TableHead>
            {price && <TableHead className={LAST_CELL}>Cost, median</TableHead>}
          </TableRow>
        </TableHeader>
        <TableBody className="divide-slate-200">
          {estimates.map((e) => (
            <TableRow key={`${e.type}×${e.number}`} className="align-middle">
              <TableHead scope="row" className={cn(CELL, "whitespace-nowrap text-slate-900")}>
                {e.number} × {e.type}
              </TableHead>
              <TableCell className={cn(CELL, "tabular-nums")}>{e.runs}</TableCell>
              <TableCell className={cn(CELL, "tabular-nums")}>
                {range(e.crpuHours, hours)}
              </TableCell>
              <TableCell className={cn(CELL, "tabular-nums")}>
                {e.durationMs ? range(e.durationMs, formatDurationMs) : "Not given"}
              </TableCell>
              {price && (
                <TableCell className={cn(LAST_CELL, "tabular-nums")}>
                  {formatCost(e.crpuHours.median, price)}
                </TableCell>
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <p className="mt-1 text-xs text-slate-600">
        Each figure is the median of the runs, with the range in brackets when they differ.
        {price &&
          ` Costs at $${price.usdPerCrpuHour} per CRPU-hour, price set by your administrator (${price.source}).`}
      </p>
    </>
  );
}
