"use client";

import { useId } from "react";

import { Select } from "@/components/ui/field";
import type { SeedLocation } from "@/lib/seeds/locations";

/** Which of the SEED_BUCKETS locations to browse or upload into; shown only when there are several. */
export function SeedLocationSelect({
  locations,
  value,
  onChange,
  disabled,
}: {
  locations: SeedLocation[];
  value: number;
  onChange: (index: number) => void;
  disabled?: boolean;
}) {
  const id = useId();
  if (locations.length < 2) return null;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-medium text-slate-800">
        Seed location
      </label>
      <Select
        id={id}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(Number(event.target.value))}
      >
        {locations.map((l, i) => (
          <option key={`${l.bucket}/${l.prefix}`} value={i}>
            s3://{l.bucket}/{l.prefix}
          </option>
        ))}
      </Select>
    </div>
  );
}
