import { Card } from "@/components/ui/card";
import { formatCost, formatCrpuHours, totalsBy, type CrpuPrice } from "@/lib/costs";
import type { CostHistory } from "@/lib/costs-reads";
import { SCHEDULE_TAG } from "@/lib/schemas/dashboard-tags";

import { TotalsTable } from "./totals-table";

const MONTH = new Intl.DateTimeFormat("en-US", { month: "long", year: "numeric", timeZone: "UTC" });
const monthLabel = (key: string) => MONTH.format(new Date(`${key}-01T00:00:00Z`));

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
          <Card title="By month" description="The month the job was started (UTC).">
            <TotalsTable
              caption="CRPU-hours by month"
              keyHeader="Month"
              rows={totalsBy(records, "month", SCHEDULE_TAG)}
              price={price}
              emptyKey="Unknown"
              keyLabel={monthLabel}
            />
          </Card>
          <Card
            title="By tag"
            description="A run counts under each of its tags, so these may add up to more than the whole."
          >
            <TotalsTable
              caption="CRPU-hours by tag"
              keyHeader="Tag"
              rows={totalsBy(records, "tag", SCHEDULE_TAG)}
              price={price}
              emptyKey="No tag"
            />
          </Card>
          <Card title="By schedule" description="Runs started by a schedule, by its name.">
            <TotalsTable
              caption="CRPU-hours by schedule"
              keyHeader="Schedule"
              rows={totalsBy(records, "schedule", SCHEDULE_TAG)}
              price={price}
              emptyKey="Not scheduled"
            />
          </Card>
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
