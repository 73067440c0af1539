"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";

import type { AudienceExportJobStatus } from "@/lib/cleanrooms-ml";

/** A size as the export form keys it: `TYPE:value`. */
export const sizeKey = (s: { type: string; value: number }) => `${s.type}:${s.value}`;

/** Where a choice came from: the chart or the table ask the export form to show it. */
export type ChoiceSource = "chart" | "table" | "form";

export interface SizeSelection {
  /** The size chosen for export (the export form's value), if any. */
  chosen: string | undefined;
  /** Bumps with each choice made outside the form, so the form follows and scrolls even to the same size. */
  request: { key: string; seq: number } | undefined;
  /** The size under the pointer or focus, in the chart or the table. */
  highlighted: string | undefined;
  /** The status of the newest export of each size. */
  exported: ReadonlyMap<string, AudienceExportJobStatus>;
  choose: (key: string | undefined, source: ChoiceSource) => void;
  highlight: (key: string | undefined) => void;
}

/** The selection without what the pointer is over: what the export form needs. */
export type SizeChoice = Omit<SizeSelection, "highlighted">;

const NONE: SizeChoice = {
  chosen: undefined,
  request: undefined,
  exported: new Map(),
  choose: () => {},
  highlight: () => {},
};

// Two contexts: the pointer moving over the chart or the table changes only the second, so it
// renders the chart and the table again, not the export form.
const ChoiceContext = createContext<SizeChoice>(NONE);
const HighlightContext = createContext<string | undefined>(undefined);

/**
 * One size selection shared by the relevance chart, its table and the export
 * form: hovering or focusing a size in one highlights it in the other, and
 * choosing one in the chart or the table sets the export form to it.
 */
export function SizeSelectionProvider({
  exports,
  children,
}: {
  /** The job's exports, newest first. */
  exports: readonly {
    audienceSize: { type: string; value: number };
    status: AudienceExportJobStatus;
  }[];
  children: ReactNode;
}) {
  const [chosen, setChosen] = useState<string | undefined>();
  const [request, setRequest] = useState<SizeSelection["request"]>();
  const [highlighted, highlight] = useState<string | undefined>();
  const exported = useMemo(() => exportedSizes(exports), [exports]);
  // The same function while the page is open, so what depends on it (the chart) need not change.
  const choose = useCallback<SizeSelection["choose"]>((key, source) => {
    setChosen(key);
    if (source !== "form" && key) setRequest((r) => ({ key, seq: (r?.seq ?? 0) + 1 }));
  }, []);
  const value = useMemo<SizeChoice>(
    () => ({ chosen, request, exported, highlight, choose }),
    [chosen, request, exported, choose],
  );
  return (
    <ChoiceContext.Provider value={value}>
      <HighlightContext.Provider value={highlighted}>{children}</HighlightContext.Provider>
    </ChoiceContext.Provider>
  );
}

/** The newest export's status for each size (exports come newest first). */
export function exportedSizes(
  exports: readonly {
    audienceSize: { type: string; value: number };
    status: AudienceExportJobStatus;
  }[],
): Map<string, AudienceExportJobStatus> {
  const map = new Map<string, AudienceExportJobStatus>();
  for (const e of exports) {
    const key = sizeKey(e.audienceSize);
    if (!map.has(key)) map.set(key, e.status);
  }
  return map;
}

/** The whole selection, the size under the pointer with it (the chart and the table show it). */
export function useSizeSelection(): SizeSelection {
  return { ...useContext(ChoiceContext), highlighted: useContext(HighlightContext) };
}

/** The selection without the size under the pointer: a component that does not show it is not rendered as the pointer moves. */
export function useSizeChoice(): SizeChoice {
  return useContext(ChoiceContext);
}
