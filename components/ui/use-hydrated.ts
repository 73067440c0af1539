"use client";

import { useSyncExternalStore } from "react";

const noSubscribe = () => () => {};

/**
 * False while the server renders and while the browser hydrates that HTML,
 * true from the render after: what depends on the browser (the reader's time
 * zone) renders the server's way first, so hydration matches, then switches.
 */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    noSubscribe,
    () => true,
    () => false,
  );
}
