import type { InputHTMLAttributes, ReactNode } from "react";

import { cn } from "./cn";

/**
 * A radio button as a card: label and a plain-words description, the whole
 * card clickable (the label's overlay covers it), the chosen card highlighted.
 */
export function RadioCard({
  id,
  label,
  description,
  className,
  ...input
}: Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "id"> & {
  id: string;
  label: ReactNode;
  description: ReactNode;
}) {
  return (
    <div
      className={cn(
        "relative flex gap-3 rounded-md border border-slate-300 bg-white p-3 text-sm transition-colors hover:bg-slate-50",
        "has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50/60 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-indigo-500",
        className,
      )}
    >
      <input
        {...input}
        id={id}
        type="radio"
        aria-describedby={`${id}-description`}
        className="relative z-10 mt-0.5 size-4 shrink-0 accent-indigo-600"
      />
      <div>
        <label
          htmlFor={id}
          className="block cursor-pointer font-medium text-slate-900 after:absolute after:inset-0"
        >
          {label}
        </label>
        <p id={`${id}-description`} className="mt-0.5 text-xs text-slate-600">
          {description}
        </p>
      </div>
    </div>
  );
}
