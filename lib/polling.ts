/**
 * The one polling policy (docs/ARCHITECTURE.md, "Polling"): while a resource is in
 * flight, refresh after about 2 s, backing off by half again each time the
 * data comes back unchanged, to at most 15 s; stop at a final status.
 * TanStack Query pauses `refetchInterval` while the tab is hidden
 * (`refetchIntervalInBackground: false`) and refetches on focus. The one
 * exception: a hidden tab keeps polling while the person asked to be notified
 * when the job finishes, at the slow end of the backoff ({@link watchedPolling}).
 */
export const POLL_MIN_MS = 2_000;
export const POLL_MAX_MS = 15_000;
const POLL_BACKOFF = 1.5;

/** Delay before the next refresh after `unchangedPolls` refreshes that changed nothing. */
export function pollDelay(unchangedPolls: number): number {
  return Math.min(
    POLL_MAX_MS,
    Math.round(POLL_MIN_MS * POLL_BACKOFF ** Math.max(0, unchangedPolls)),
  );
}

/**
 * The policy above as a `refetchInterval` helper: it
 * counts consecutive refreshes that brought back unchanged data (TanStack's
 * structural sharing keeps the same object when nothing changed) and resets
 * the count when anything changed. Idempotent per refresh, so TanStack may
 * call it as often as it likes. One per observer (keep it in state).
 */
export function createBackoff(): (query: {
  state: { data: unknown; dataUpdatedAt: number };
}) => number {
  let seenUpdatedAt: number | undefined;
  let seenData: unknown;
  let unchanged = 0;
  return (query) => {
    const { data, dataUpdatedAt } = query.state;
    if (dataUpdatedAt !== seenUpdatedAt) {
      if (seenUpdatedAt !== undefined) unchanged = data === seenData ? unchanged + 1 : 0;
      seenUpdatedAt = dataUpdatedAt;
      seenData = data;
    }
    return pollDelay(unchanged);
  };
}

/** Whether the page's tab is in the background (false outside a browser). */
export function isTabHidden(): boolean {
  return typeof document !== "undefined" && document.visibilityState === "hidden";
}

/**
 * The policy's rule for a hidden tab, as query options to spread after a
 * hook's own: without a notification asked for, nothing changes (the query
 * client pauses polling in the background); with one, polling goes on in the
 * background, at {@link POLL_MAX_MS} while the tab is hidden, so the
 * notification can fire when the job finishes.
 */
export function watchedPolling<Q>(
  interval: (query: Q) => number | false,
  notifyAsked: boolean,
): { refetchInterval: (query: Q) => number | false; refetchIntervalInBackground: boolean } {
  return {
    refetchInterval: (query) => {
      const delay = interval(query);
      return delay !== false && notifyAsked && isTabHidden() ? POLL_MAX_MS : delay;
    },
    refetchIntervalInBackground: notifyAsked,
  };
}
