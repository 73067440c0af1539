"use client";

import { useCallback, useMemo, useState } from "react";

import { Button, ButtonLink } from "@/components/ui/button";
import { COMPARE_MAX, COMPARE_MIN, compareHref } from "@/lib/compare";

/** The jobs chosen for a comparison, in the order they were chosen. */
export interface JobSelection {
  selected: readonly string[];
  isSelected: (arn: string) => boolean;
  /** The same function for the list's whole life, so a row that did not change need not render again. */
  toggle: (arn: string) => void;
  clear: () => void;
}

/** The list's choice of jobs to compare: kept while filters change, a new object only when it changes. */
export function useJobSelection(): JobSelection {
  const [selected, setSelected] = useState<readonly string[]>([]);
  const toggle = useCallback(
    (arn: string) =>
      setSelected((current) =>
        current.includes(arn) ? current.filter((a) => a !== arn) : [...current, arn],
      ),
    [],
  );
  return useMemo(
    () => ({
      selected,
      isSelected: (arn) => selected.includes(arn),
      toggle,
      clear: () => setSelected([]),
    }),
    [selected, toggle],
  );
}

/** One row's part of the choice: whether its job is chosen, whether it can be. */
export interface RowChoice {
  checked: boolean;
  /** The most a comparison shows are chosen, and not this one. */
  full: boolean;
  toggle: (arn: string) => void;
}

/** What `selection` means for the row of job `arn`. */
export function rowChoice(selection: JobSelection, arn: string): RowChoice {
  const checked = selection.isSelected(arn);
  return {
    checked,
    full: !checked && selection.selected.length >= COMPARE_MAX,
    toggle: selection.toggle,
  };
}

/**
 * A row's "compare" checkbox, beside the job's name. Once the most a
 * comparison shows are chosen, the others are disabled (a chosen one can
 * always be unchosen).
 */
export function SelectJobBox({
  arn,
  name,
  choice,
}: {
  arn: string;
  name: string;
  choice: RowChoice;
}) {
  const { checked, full } = choice;
  return (
    <input
      type="checkbox"
      aria-label={`Compare ${name}`}
      title={full ? `At most ${COMPARE_MAX} jobs can be compared` : "Choose to compare"}
      checked={checked}
      disabled={full}
      onChange={() => choice.toggle(arn)}
      className="mt-0.5 size-4 shrink-0 accent-indigo-600 disabled:opacity-40"
    />
  );
}

/** What is chosen and the Compare button: it opens `/compare?jobs=…` with 2 to 6 jobs. */
export function CompareBar({ selection }: { selection: JobSelection }) {
  const count = selection.selected.length;
  const ready = count >= COMPARE_MIN && count <= COMPARE_MAX;
  return (
    <div
      role="group"
      aria-label="Compare jobs"
      className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm text-slate-600"
    >
      <p aria-live="polite">
        {count === 0
          ? `Tick ${COMPARE_MIN} to ${COMPARE_MAX} jobs to compare their relevance.`
          : count < COMPARE_MIN
            ? `1 job chosen; choose at least one more to compare.`
            : `${count} jobs chosen${count === COMPARE_MAX ? " (the most a comparison shows)" : ""}.`}
      </p>
      {ready ? (
        <ButtonLink href={compareHref(selection.selected)} variant="secondary">
          Compare {count} jobs
        </ButtonLink>
      ) : (
        count > 0 && (
          <Button variant="secondary" disabled>
            Compare
          </Button>
        )
      )}
      {count > 0 && (
        <Button variant="ghost" onClick={selection.clear}>
          Clear choice
        </Button>
      )}
    </div>
  );
}
