"use client";

import { useQuery } from "@tanstack/react-query";
import { useWatch } from "react-hook-form";

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

function EstimateTable({
  estimates,
  price,
}: {
  estimates: ConfigurationEstimate[];
  price: CrpuPrice | null;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="mt-1 w-full text-left">
        <caption className="sr-only">
          Past runs of this seed by worker configuration: median, then range
        </caption>
        <thead className="text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-1 pr-3 font-medium">
              Workers
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Runs
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              CRPU-hours
            </th>
            <th scope="col" className="py-1 pr-3 font-medium">
              Duration
            </th>
            {price && (
              <th scope="col" className="py-1 font-medium">
                Cost, median
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {estimates.map((e) => (
            <tr key={`${e.type}×${e.number}`} className="border-t border-slate-200">
              <th scope="row" className="py-1 pr-3 font-normal whitespace-nowrap text-slate-900">
                {e.number} × {e.type}
              </th>
              <td className="py-1 pr-3 tabular-nums">{e.runs}</td>
              <td className="py-1 pr-3 tabular-nums">{range(e.crpuHours, hours)}</td>
              <td className="py-1 pr-3 tabular-nums">
                {e.durationMs ? range(e.durationMs, formatDurationMs) : "Not given"}
              </td>
              {price && (
                <td className="py-1 tabular-nums">{formatCost(e.crpuHours.median, price)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="mt-1 text-xs text-slate-600">
        Each figure is the median of the runs, with the range in brackets when they differ.
        {price &&
          ` Costs at $${price.usdPerCrpuHour} per CRPU-hour, price set by your administrator (${price.source}).`}
      </p>
    </div>
  );
}
