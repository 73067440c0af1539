import { formatCost, formatCrpuHours, type CrpuPrice, type TotalRow } from "@/lib/costs";

/** One grouping of the totals: a row per month, tag or schedule, with runs, CRPU-hours and (priced) cost. */
export function TotalsTable({
  caption,
  keyHeader,
  rows,
  price,
  emptyKey,
  keyLabel = (key) => key,
}: {
  caption: string;
  keyHeader: string;
  rows: readonly TotalRow[];
  price: CrpuPrice | null;
  /** How the empty key reads: "No tag", "Not scheduled". */
  emptyKey: string;
  keyLabel?: (key: string) => string;
}) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs text-slate-600">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              {keyHeader}
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              Runs
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              CRPU-hours
            </th>
            {price && (
              <th scope="col" className="py-2 text-right font-medium">
                Cost
              </th>
            )}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row" className="py-2 pr-4 font-normal break-all text-slate-900">
                {row.key === "" ? (
                  <span className="text-slate-600">{emptyKey}</span>
                ) : (
                  keyLabel(row.key)
                )}
              </th>
              <td className="py-2 pr-4 text-right tabular-nums">{row.runs}</td>
              <td className="py-2 pr-4 text-right tabular-nums">
                {formatCrpuHours(row.crpuHours).replace(/ CRPU-hours?$/, "")}
              </td>
              {price && (
                <td className="py-2 text-right tabular-nums">{formatCost(row.crpuHours, price)}</td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
