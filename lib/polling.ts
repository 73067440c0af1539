/**
 * The one polling policy (DESIGN.md, decision 6): while a resource is in
 * flight, refresh after about 2 s, backing off by half again each time the
 * data comes back unchanged, to at most 15 s; stop at a final status.
 * TanStack Query pauses `refetchInterval` while the tab is hidden
 * (`refetchIntervalInBackground: false`) and refetches on focus.
 */
export const POLL_MIN_MS = 2_000;
export const POLL_MAX_MS = 15_000;
export const POLL_BACKOFF = 1.5;

/** Delay before the next refresh after `unchangedPolls` refreshes that changed nothing. */
export function pollDelay(unchangedPolls: number): number {
  return Math.min(POLL_MAX_MS, Math.round(POLL_MIN_MS * POLL_BACKOFF ** Math.max(0, unchangedPolls)));
}
