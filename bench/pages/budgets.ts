/**
 * Ratios to the empty Next.js app that each page must stay within (README,
 * "Page weight"): JS on the wire, largest contentful paint and, for the list,
 * requests other than scripts on load. Read by the benchmark
 * (bench/pages/index.ts) and by the byte check of `npm test`
 * (bench/pages/bytes.ts). A new page: a budget here, and its URL in
 * index.ts's page list and its route in bytes.ts's PAGE_ROUTES.
 */
export const PAGE_BUDGETS: Record<string, { js: number; lcp: number; otherRequests?: number }> = {
  "jobs list": { js: 1.25, lcp: 2.0, otherRequests: 5 },
  "new job": { js: 1.5, lcp: 2.0 },
  "job page": { js: 2.2, lcp: 2.0 },
  compare: { js: 2.2, lcp: 2.0 },
};
