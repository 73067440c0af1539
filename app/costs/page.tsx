import type { Metadata } from "next";

import { CostsView } from "@/components/costs/costs-view";
import { ErrorAlert } from "@/components/ui/error-alert";
import { readCostHistory, type CostHistory } from "@/lib/costs-reads";
import { routeError } from "@/lib/service-errors";

export const metadata: Metadata = { title: "Costs" };
export const dynamic = "force-dynamic";

/** Compute totals (`/costs`): every billed SQL and template seed run, summed by month, tag and schedule. */
export default async function CostsPage() {
  let history: CostHistory | undefined;
  let failure: ReturnType<typeof routeError>["error"] | undefined;
  try {
    history = await readCostHistory();
  } catch (thrown) {
    failure = routeError(thrown).error;
  }
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Costs</h1>
        <p className="mt-1 max-w-2xl text-sm text-slate-600">
          What AWS Clean Rooms billed for the queries behind your SQL and template seeds, in Clean
          Rooms Processing Unit hours (CRPU-hours).
        </p>
      </div>
      {history ? (
        <CostsView history={history} />
      ) : (
        <ErrorAlert role="alert" title="The costs could not be read" error={failure!} />
      )}
    </div>
  );
}
