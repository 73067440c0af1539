import type { ReactNode } from "react";

/** A label–value list: stacked on a phone, two columns from `sm`. */
export function DescriptionList({ children }: { children: ReactNode }) {
  return <dl className="divide-y divide-slate-100 text-sm">{children}</dl>;
}

export function DescriptionItem({ label, children }: { label: ReactNode; children: ReactNode }) {
  return (
    <div className="grid gap-1 py-2.5 first:pt-0 last:pb-0 sm:grid-cols-[10rem_minmax(0,1fr)] sm:gap-3">
      <dt className="text-slate-500">{label}</dt>
      <dd className="min-w-0 break-words text-slate-900">{children}</dd>
    </div>
  );
}

/** How a value the service did not return reads. */
export function NotSet({ children = "Not set" }: { children?: ReactNode }) {
  // slate-500, not lighter: the text must keep a 4.5:1 contrast on white (axe, e2e/accessibility.spec.ts).
  return <span className="text-slate-500">{children}</span>;
}

export function Mono({ children }: { children: ReactNode }) {
  return <span className="font-mono text-[0.8125rem] break-all">{children}</span>;
}
