import type { ComponentProps } from "react";

import { cn } from "./cn";

/**
 * Every data table of the dashboard (the jobs list, the comparison, the
 * schedules, the costs, the relevance scores, the start form's previews): one
 * look and one set of semantics. Plain elements with our classes, every prop
 * passed through, so a table keeps its own caption, `scope`s and ARIA; a class
 * given here overrides the default it conflicts with (`cn` merges Tailwind
 * classes), which is how a denser table sets its own padding.
 */

/**
 * The table, scrolling sideways when its columns do not fit: in a bordered
 * frame of its own (`framed`), or bare inside a card or panel that already
 * frames it (`plain`).
 */
export function Table({
  variant = "framed",
  frameClassName,
  className,
  ...props
}: ComponentProps<"table"> & { variant?: "framed" | "plain"; frameClassName?: string }) {
  return (
    <div
      className={cn(
        "overflow-x-auto",
        variant === "framed" && "rounded-lg border border-slate-200 bg-white shadow-xs",
        frameClassName,
      )}
    >
      <table className={cn("w-full text-left text-sm", className)} {...props} />
    </div>
  );
}

export function TableCaption({ className, ...props }: ComponentProps<"caption">) {
  return <caption className={cn("sr-only", className)} {...props} />;
}

export function TableHeader({ className, ...props }: ComponentProps<"thead">) {
  return (
    <thead
      className={cn(
        "border-b border-slate-200 bg-slate-50 text-xs font-medium text-slate-600",
        className,
      )}
      {...props}
    />
  );
}

export function TableBody({ className, ...props }: ComponentProps<"tbody">) {
  return <tbody className={cn("divide-y divide-slate-100", className)} {...props} />;
}

export function TableRow({ className, ...props }: ComponentProps<"tr">) {
  return <tr className={cn("align-top", className)} {...props} />;
}

/** A column's header (`scope="col"` unless told otherwise; a row's header cell passes `scope="row"`). */
export function TableHead({ className, scope = "col", ...props }: ComponentProps<"th">) {
  return (
    <th
      scope={scope}
      className={cn("px-3 font-medium", scope === "col" ? "py-2.5" : "py-3 font-normal", className)}
      {...props}
    />
  );
}

export function TableCell({ className, ...props }: ComponentProps<"td">) {
  return <td className={cn("px-3 py-3", className)} {...props} />;
}
