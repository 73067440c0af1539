/**
 * The page budgets (README, "Page weight"), the one place their numbers are
 * written. Read by the benchmark (bench/pages/index.ts) and by the byte check
 * of `npm test` (bench/pages/bytes.ts). A new page: a budget here, its URL in
 * index.ts's page list and its route in bytes.ts's PAGE_ROUTES.
 */
export interface PageBudget {
  /** JS on the wire, as a ratio to the empty app (bench/pages/empty-app). */
  js: number;
  /** Largest contentful paint, as a ratio to the floor app (bench/pages/floor-app). */
  lcp: number;
  /** Requests other than scripts on load, at most. */
  otherRequests?: number;
}

export const PAGE_BUDGETS: Record<string, PageBudget> = {
  "jobs list": { js: 1.5, lcp: 1.3, otherRequests: 5 },
  "new job": { js: 1.6, lcp: 1.3 },
  "job page": { js: 2.4, lcp: 1.3 },
  compare: { js: 2.4, lcp: 1.3 },
};

/**
 * Event Timing durations of the benchmark's interactions (what INP is made
 * of), in milliseconds: the worst interaction of all, and the 95th percentile
 * of keystrokes (a keystroke the browser did not report took under 16 ms).
 */
export const INTERACTION_BUDGETS = { worstMs: 100, keystrokeP95Ms: 50 } as const;
