"use client";

import type { ReactNode } from "react";

import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { readErrorOf } from "@/lib/fetch-json";

/**
 * The parts every picker of the form shares (collaboration, analysis
 * template, role). A picker is an aid beside a text field that always stays
 * typeable: it opens on request, lists choices as buttons (a choice fills the
 * field and closes it), and when its list cannot be read it says in one line
 * which permission would enable it (docs/ARCHITECTURE.md, "Names and pickers").
 */

export function PickerToggle({
  open,
  onToggle,
  panelId,
  children,
}: {
  open: boolean;
  onToggle: () => void;
  panelId: string;
  children: ReactNode;
}) {
  return (
    <Button
      variant="secondary"
      className="min-h-8 px-2.5 py-1 text-xs"
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={onToggle}
    >
      {open ? "Close the list" : children}
    </Button>
  );
}

/** The panel a picker opens: a labelled region with its choices. */
export function PickerPanel({
  id,
  label,
  children,
}: {
  id: string;
  label: string;
  children: ReactNode;
}) {
  return (
    <div
      id={id}
      role="region"
      aria-label={label}
      className="max-h-80 overflow-y-auto rounded-md border border-slate-200 bg-slate-50 p-2"
    >
      {children}
    </div>
  );
}

export interface PickerChoice {
  value: string;
  title: ReactNode;
  /** Small lines under the title: an ID, a description, abilities. */
  details?: ReactNode;
  /** A word beside the title, such as "Used before". */
  badge?: string;
}

/** The choices of a picker, as buttons; the current value is marked. */
export function PickerChoices({
  choices,
  current,
  onChoose,
  label,
}: {
  choices: PickerChoice[];
  current?: string;
  onChoose: (value: string) => void;
  label: string;
}) {
  return (
    <ul aria-label={label} className="space-y-1">
      {choices.map((choice) => {
        const selected = choice.value === current;
        return (
          <li key={choice.value}>
            <button
              type="button"
              aria-current={selected || undefined}
              onClick={() => onChoose(choice.value)}
              className={cn(
                "w-full rounded-md border px-3 py-2 text-left text-sm transition-colors",
                "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600",
                selected
                  ? "border-indigo-400 bg-indigo-50"
                  : "border-transparent bg-white hover:border-slate-300",
              )}
            >
              <span className="flex flex-wrap items-baseline gap-x-2">
                <span className="font-medium text-slate-900">{choice.title}</span>
                {choice.badge && (
                  <span className="rounded bg-slate-100 px-1.5 py-0.5 text-[11px] text-slate-600">
                    {choice.badge}
                  </span>
                )}
                {selected && <span className="text-xs text-indigo-700">(chosen)</span>}
              </span>
              {choice.details && (
                <span className="mt-0.5 block text-xs break-words text-slate-500">
                  {choice.details}
                </span>
              )}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** One line in place of a picker that cannot list its choices: what went wrong and what would enable it. */
export function PickerUnavailable({
  error,
  what,
  permission,
}: {
  error: unknown;
  /** What could not be listed: "Your collaborations". */
  what: string;
  /** The IAM actions that would enable the picker. */
  permission: string;
}) {
  const { code } = readErrorOf(error);
  const denied = /AccessDenied/.test(code);
  return (
    <p role="status" className="text-xs text-amber-800">
      {what} could not be listed ({code}): type it instead.{" "}
      {denied
        ? `Allowing ${permission} to the dashboard's AWS role would enable the list.`
        : `The list needs ${permission}; try again later.`}
    </p>
  );
}

export function PickerMessage({ children }: { children: ReactNode }) {
  return <p className="px-1 py-1 text-xs text-slate-600">{children}</p>;
}
