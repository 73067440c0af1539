/**
 * Compute cost of SQL and template seeds, in Clean Rooms Processing Unit
 * hours (CRPU-hours), the unit AWS Clean Rooms bills a protected query in
 * (docs/ARCHITECTURE.md, "Compute cost"). Pure rules, no React, no I/O: the
 * service's billed figures come in, estimates and totals go out.
 */
import type { WorkerType } from "./schemas/limits";

/**
 * CRPUs per worker, by worker type. AWS documents a CR.1X worker as 2 CRPUs
 * (4 workers: 8 CRPUs) and the larger types as multiples of CR.1X.
 */
export const CRPU_PER_WORKER: Record<WorkerType, number> = {
  "CR.1X": 2,
  "CR.4X": 8,
  "CR.8X": 16,
};

/** What the local service assumes when a seed names no worker configuration. */
export const DEFAULT_WORKER = { type: "CR.1X", number: 16 } as const;

/** CRPU-hours for `workers` of `type` running `durationMs`: what the service bills. */
export function crpuHours(type: string, workers: number, durationMs: number): number {
  const perWorker = CRPU_PER_WORKER[type as WorkerType] ?? CRPU_PER_WORKER["CR.1X"];
  return (perWorker * workers * durationMs) / 3_600_000;
}

/** One finished SQL or template seed run, with what the service billed for it. */
export interface CostRecord {
  jobArn: string;
  jobName: string;
  /** ISO time the job was created. */
  createTime: string;
  /** The seed's identity for comparison: see {@link seedKeyOf}. */
  seedKey: string;
  worker: { type: string; number: number };
  /** Billed CRPU-hours (`billedResourceUtilization.units`). */
  crpuHours: number;
  /** The protected query's run time (`totalDurationInMillis`), when given. */
  durationMs?: number;
  tags: Record<string, string>;
}

/** A SQL seed as the job records it (`seedAudience.sqlParameters`). */
export interface SqlSeedLike {
  analysisTemplateArn?: string;
  queryString?: string;
}

/**
 * The key two runs share when they ran "the same seed": the same analysis
 * template (whatever its parameters), or the same query text once case and
 * spacing are set aside. Undefined for a seed that is neither.
 */
export function seedKeyOf(sql: SqlSeedLike | undefined): string | undefined {
  if (sql?.analysisTemplateArn) return `template:${sql.analysisTemplateArn}`;
  const text = sql?.queryString?.trim().replace(/\s+/g, " ").replace(/;$/, "").toLowerCase();
  return text ? `query:${text}` : undefined;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
}

/** Smallest, median and largest of `values` (at least one). */
export function spread(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { min: sorted[0]!, median, max: sorted[sorted.length - 1]! };
}

/** What past runs of one seed cost on one worker configuration. */
export interface ConfigurationEstimate {
  type: string;
  number: number;
  runs: number;
  crpuHours: Spread;
  /** Undefined when no run gave its duration. */
  durationMs?: Spread;
}

/**
 * The account's own history for a seed: each worker configuration it ran on,
 * with the range and median of its billed CRPU-hours and durations, cheapest
 * median first. Empty when the seed never ran (or is not a SQL seed).
 */
export function estimateFromHistory(
  records: readonly CostRecord[],
  seedKey: string | undefined,
): ConfigurationEstimate[] {
  if (!seedKey) return [];
  const groups = new Map<string, CostRecord[]>();
  for (const r of records) {
    if (r.seedKey !== seedKey) continue;
    const key = `${r.worker.type}×${r.worker.number}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()]
    .map((runs) => {
      const durations = runs.flatMap((r) => (r.durationMs === undefined ? [] : [r.durationMs]));
      return {
        type: runs[0]!.worker.type,
        number: runs[0]!.worker.number,
        runs: runs.length,
        crpuHours: spread(runs.map((r) => r.crpuHours)),
        durationMs: durations.length > 0 ? spread(durations) : undefined,
      };
    })
    .sort(
      (a, b) =>
        a.crpuHours.median - b.crpuHours.median ||
        a.type.localeCompare(b.type) ||
        a.number - b.number,
    );
}

export type TotalsGrouping = "month" | "tag" | "schedule";

export interface TotalRow {
  /** "2026-11", "team=travel", a schedule's name; "" for runs with no tag or schedule. */
  key: string;
  runs: number;
  crpuHours: number;
}

/**
 * CRPU-hours summed by calendar month (UTC, the month the job was created),
 * by tag (`key=value`; a run counts under each of its tags, so tag totals may
 * add up to more than the whole), or by schedule (`scheduleTag`'s value).
 * Our own `dashboard:` tags are left out of the tag totals. Months newest
 * first; tags and schedules by CRPU-hours, largest first.
 */
export function totalsBy(
  records: readonly CostRecord[],
  grouping: TotalsGrouping,
  scheduleTag: string,
): TotalRow[] {
  const totals = new Map<string, TotalRow>();
  const add = (key: string, r: CostRecord) => {
    const row = totals.get(key) ?? { key, runs: 0, crpuHours: 0 };
    row.runs += 1;
    row.crpuHours += r.crpuHours;
    totals.set(key, row);
  };
  for (const r of records) {
    if (grouping === "month") add(r.createTime.slice(0, 7), r);
    else if (grouping === "schedule") add(r.tags[scheduleTag] ?? "", r);
    else {
      const tags = Object.entries(r.tags).filter(([k]) => !k.startsWith("dashboard:"));
      if (tags.length === 0) add("", r);
      for (const [k, v] of tags) add(`${k}=${v}`, r);
    }
  }
  const rows = [...totals.values()];
  return grouping === "month"
    ? rows.sort((a, b) => b.key.localeCompare(a.key))
    : rows.sort((a, b) => b.crpuHours - a.crpuHours || a.key.localeCompare(b.key));
}

/** A price per CRPU-hour and where it comes from: set by whoever runs the dashboard. */
export interface CrpuPrice {
  usdPerCrpuHour: number;
  /** The setting that holds it, for "price set by your administrator (CRPU_HOUR_PRICE_USD)". */
  source: string;
}

/** "3.25 CRPU-hours": up to three decimals, so a short run does not read as 0. */
export function formatCrpuHours(units: number): string {
  const digits = units < 10 ? 3 : units < 100 ? 2 : 1;
  return `${units.toLocaleString("en-US", { maximumFractionDigits: digits })} CRPU-hour${units === 1 ? "" : "s"}`;
}

/** "$1.27": the cost of `units` at the configured price, in US dollars to the cent (at least $0.01 when above 0). */
export function formatCost(units: number, price: CrpuPrice): string {
  const usd = units * price.usdPerCrpuHour;
  if (usd > 0 && usd < 0.01) return "less than $0.01";
  return usd.toLocaleString("en-US", { style: "currency", currency: "USD" });
}

/** "1 min 12 s", "36 s", "2 h 5 min". */
export function formatDurationMs(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
