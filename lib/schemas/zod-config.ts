import { config } from "zod";

/**
 * Imported first by every schema the browser runs. zod compiles fast object
 * parsers with `new Function` when it may, and finds out by trying one: under
 * the pages' Content-Security-Policy (no 'unsafe-eval') that try is refused and
 * reported as a violation. In the browser, tell zod not to try. Done here
 * rather than in instrumentation-client.ts so that pages which validate
 * nothing in the browser (the jobs list) never load zod at all.
 */
if (typeof window !== "undefined") config({ jitless: true });
