"use client";

import { useQuery } from "@tanstack/react-query";

import { formatCost, formatCrpuHours, type CrpuPrice } from "@/lib/costs";
import { crpuPriceQuery } from "@/lib/queries/costs";

import { DescriptionItem } from "./description-list";

/**
 * What AWS Clean Rooms billed for a seed's protected query: its CRPU-hours
 * (`billedResourceUtilization.units`), and their cost only when whoever runs
 * the dashboard set a price per CRPU-hour (docs/ARCHITECTURE.md, "Compute
 * cost"); the dashboard never makes up a price.
 */
export function BilledCompute({ units }: { units: number | undefined }) {
  const price = useQuery(crpuPriceQuery()).data?.price ?? null;
  if (units === undefined) return null;
  return (
    <>
      <DescriptionItem label="Billed compute">
        <span data-testid="billed-crpu-hours">{formatCrpuHours(units)}</span>
      </DescriptionItem>
      <DescriptionItem label="Compute cost">
        <CostText units={units} price={price} />
      </DescriptionItem>
    </>
  );
}

/** The cost at the configured price with where the price comes from, or why there is none. */
export function CostText({ units, price }: { units: number; price: CrpuPrice | null }) {
  if (!price) {
    return (
      <span className="text-slate-600">
        No price set: your administrator can set one (CRPU_HOUR_PRICE_USD) to see this in dollars.
      </span>
    );
  }
  return (
    <>
      <span data-testid="compute-cost">{formatCost(units, price)}</span>{" "}
      <span className="text-slate-600">
        at ${price.usdPerCrpuHour} per CRPU-hour, price set by your administrator ({price.source})
      </span>
    </>
  );
}
