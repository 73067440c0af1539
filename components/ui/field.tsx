import type {
  InputHTMLAttributes,
  ReactNode,
  Ref,
  SelectHTMLAttributes,
  TextareaHTMLAttributes,
} from "react";

import { cn } from "./cn";

const controlClasses = (invalid?: boolean, className?: string) =>
  cn(
    "block w-full rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-xs placeholder:text-slate-400",
    "focus:outline-2 focus:outline-offset-0 focus:outline-indigo-500 disabled:bg-slate-100",
    invalid ? "border-red-500" : "border-slate-300",
    className,
  );

export function Input({
  invalid,
  className,
  ...props
}: InputHTMLAttributes<HTMLInputElement> & { invalid?: boolean; ref?: Ref<HTMLInputElement> }) {
  return (
    <input
      className={controlClasses(invalid, className)}
      aria-invalid={invalid || undefined}
      {...props}
    />
  );
}

export function Textarea({
  invalid,
  className,
  ...props
}: TextareaHTMLAttributes<HTMLTextAreaElement> & { invalid?: boolean }) {
  return (
    <textarea
      className={controlClasses(invalid, className)}
      aria-invalid={invalid || undefined}
      {...props}
    />
  );
}

export function Select({
  invalid,
  className,
  ...props
}: SelectHTMLAttributes<HTMLSelectElement> & { invalid?: boolean; ref?: Ref<HTMLSelectElement> }) {
  return (
    <select
      className={controlClasses(invalid, className)}
      aria-invalid={invalid || undefined}
      {...props}
    />
  );
}

/** Ids that tie a control to its description and error for screen readers. */
export function fieldIds(id: string) {
  return { description: `${id}-description`, error: `${id}-error` };
}

/** The accessibility attributes of a control: invalid state, and its description and error read with it. */
export function controlA11y(
  id: string,
  { description, error }: { description?: boolean; error?: string },
) {
  const ids = fieldIds(id);
  const describedBy = [
    error ? ids.error : undefined,
    description ? ids.description : undefined,
  ].filter(Boolean);
  return {
    id,
    "aria-invalid": error ? true : undefined,
    "aria-describedby": describedBy.length > 0 ? describedBy.join(" ") : undefined,
  } as const;
}

/** A labelled field: label, the control, a plain-words description and the error beside it. */
export function Field({
  id,
  label,
  description,
  error,
  optional,
  children,
}: {
  id: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  optional?: boolean;
  children: ReactNode;
}) {
  const ids = fieldIds(id);
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
        {optional && <span className="ml-1 font-normal text-slate-500">(optional)</span>}
      </label>
      {children}
      {description && (
        <p id={ids.description} className="text-xs text-slate-500">
          {description}
        </p>
      )}
      {error && (
        <p id={ids.error} className="text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
