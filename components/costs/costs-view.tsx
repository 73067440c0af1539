import { Card } from "@/components/ui/card";
import { formatCost, formatCrpuHours, totalsBy, type CrpuPrice } from "@/lib/costs";
import type { CostHistory } from "@/lib/costs-reads";
import { SCHEDULE_TAG } from "@/lib/schemas/dashboard-tags";

import { TotalsTable } from "./totals-table";

const MONTH = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const monthLabel = (key: string) => MONTH.format(new Date(`${key}-01T00:00:00Z`));

/** The three groupings of the totals, each in its own card. */
const GROUPINGS: readonly {
  by: Parameters<typeof totalsBy>[1];
  title: string;
  description: string;
  caption: string;
  keyHeader: string;
  emptyKey: string;
  keyLabel?: (key: string) => string;
}[] = [
  {
    by: "month",
    title: "By month",
    description: "The month the job was started (UTC).",
    caption: "CRPU-hours by month",
    keyHeader: "Month",
    emptyKey: "Unknown",
    keyLabel: monthLabel,
  },
  {
    by: "tag",
    title: "By tag",
    description: "A run counts under each of its tags, so these may add up to more than the whole.",
    caption: "CRPU-hours by tag",
    keyHeader: "Tag",
    emptyKey: "No tag",
  },
  {
    by: "schedule",
    title: "By schedule",
    description: "Runs started by a schedule, by its name.",
    caption: "CRPU-hours by schedule",
    keyHeader: "Schedule",
    emptyKey: "Not scheduled",
  },
];

/**
 * Compute totals of the account's SQL and template seeds: CRPU-hours (and
 * their cost, when a price is configured) by month, by tag and by schedule.
 * Rendered on the server: there is nothing to click.
 */
export function CostsView({ history }: { history: CostHistory }) {
  const { records, price, unreadable } = history;
  const total = records.reduce((sum, r) => sum + r.crpuHours, 0);
  return (
    <div className="space-y-6">
      <Card title="All billed runs">
        <p className="text-sm text-slate-900">
          <span className="text-2xl font-semibold tabular-nums" data-testid="total-crpu-hours">
            {formatCrpuHours(total)}
          </span>{" "}
          over {records.length} {records.length === 1 ? "run" : "runs"} of SQL and template seeds.
        </p>
        <PriceNote price={price} total={total} />
        {unreadable > 0 && (
          <p className="mt-2 text-sm text-amber-800">
            {unreadable} {unreadable === 1 ? "run's" : "runs'"} protected query could not be read
            and {unreadable === 1 ? "is" : "are"} not counted: allowing cleanrooms:GetProtectedQuery
            to the dashboard&apos;s AWS role would count {unreadable === 1 ? "it" : "them"}.
          </p>
        )}
      </Card>
      {records.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 bg-white px-4 py-6 text-center text-sm text-slate-600">
          No billed runs yet. A job whose seed is a SQL query or an analysis template is billed in
          CRPU-hours once its query has run; S3 seeds use no Clean Rooms compute.
        </p>
      ) : (
        <div className="grid gap-6 lg:grid-cols-3">
          {GROUPINGS.map((grouping) => (
            <Card key={grouping.by} title={grouping.title} description={grouping.description}>
              <TotalsTable
                caption={grouping.caption}
                keyHeader={grouping.keyHeader}
                rows={totalsBy(records, grouping.by, SCHEDULE_TAG)}
                price={price}
                emptyKey={grouping.emptyKey}
                keyLabel={grouping.keyLabel}
              />
            </Card>
          ))}
        </div>
      )}
    </div>
  );
}

function PriceNote({ price, total }: { price: CrpuPrice | null; total: number }) {
  if (!price) {
    return (
      <p className="mt-2 text-sm text-slate-600">
        No price per CRPU-hour is set, so no cost in money is shown. Your administrator can set one
        (CRPU_HOUR_PRICE_USD) from your AWS agreement.
      </p>
    );
  }
  return (
    <p className="mt-2 text-sm text-slate-600">
      <span className="font-medium text-slate-900" data-testid="total-cost">
        {formatCost(total, price)}
      </span>{" "}
      at ${price.usdPerCrpuHour} per CRPU-hour, price set by your administrator ({price.source}).
    </p>
  );
}
