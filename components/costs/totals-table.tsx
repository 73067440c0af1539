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
import { formatCost, formatCrpuHours, type CrpuPrice, type TotalRow } from "@/lib/costs";

/** The totals' cells sit on the card's edge, with room between columns. */
const CELL = "py-2 pr-4 pl-0";
const LAST_CELL = "px-0 py-2";

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
    <Table variant="plain">
      <TableCaption>{caption}</TableCaption>
      <TableHeader className="bg-transparent">
        <TableRow className="align-middle">
          <TableHead className={CELL}>{keyHeader}</TableHead>
          <TableHead className={cn(CELL, "text-right")}>Runs</TableHead>
          <TableHead className={cn(CELL, "text-right")}>CRPU-hours</TableHead>
          {price && <TableHead className={cn(LAST_CELL, "text-right")}>Cost</TableHead>}
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key} className="align-middle">
            <TableHead scope="row" className={cn(CELL, "break-all text-slate-900")}>
              {row.key === "" ? (
                <span className="text-slate-600">{emptyKey}</span>
              ) : (
                keyLabel(row.key)
              )}
            </TableHead>
            <TableCell className={cn(CELL, "text-right tabular-nums")}>{row.runs}</TableCell>
            <TableCell className={cn(CELL, "text-right tabular-nums")}>
              {formatCrpuHours(row.crpuHours).replace(/ CRPU-hours?$/, "")}
            </TableCell>
            {price && (
              <TableCell className={cn(LAST_CELL, "text-right tabular-nums")}>
                {formatCost(row.crpuHours, price)}
              </TableCell>
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
