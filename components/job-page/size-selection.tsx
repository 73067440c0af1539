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

const NONE: SizeSelection = {
  chosen: undefined,
  request: undefined,
  highlighted: undefined,
  exported: new Map(),
  choose: () => {},
  highlight: () => {},
};

const Context = createContext<SizeSelection>(NONE);

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
  const value = useMemo<SizeSelection>(
    () => ({ chosen, request, highlighted, exported, highlight, choose }),
    [chosen, request, highlighted, exported, choose],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
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

export function useSizeSelection(): SizeSelection {
  return useContext(Context);
}
