import { useId, type ReactNode } from "react";

import { cn } from "@/components/ui/cn";

/**
 * One part of the job page: a `<section>` named by its heading, so it is a
 * landmark screen-reader users (and specs) can find by name.
 */
export function Panel({
  title,
  description,
  actions,
  children,
  id,
  className,
}: {
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  children: ReactNode;
  id?: string;
  className?: string;
}) {
  const headingId = useId();
  return (
    <section
      id={id}
      aria-labelledby={headingId}
      className={cn("scroll-mt-4 rounded-lg border border-slate-200 bg-white shadow-xs", className)}
    >
      <header className="flex flex-wrap items-start justify-between gap-3 border-b border-slate-100 px-4 py-3 sm:px-5">
        <div className="min-w-0">
          <h2 id={headingId} className="text-base font-semibold text-slate-900">
            {title}
          </h2>
          {description && <div className="mt-0.5 text-sm text-slate-500">{description}</div>}
        </div>
        {actions && <div className="flex shrink-0 flex-wrap gap-2">{actions}</div>}
      </header>
      <div className="px-4 py-4 sm:px-5">{children}</div>
    </section>
  );
}
