/**
 * Runs in the browser before the app's code. zod compiles fast object
 * parsers with `new Function` when it may, and finds out by trying one: under
 * the page's Content-Security-Policy (no 'unsafe-eval') that try is refused
 * and reported as a violation. Tell zod not to try.
 */
import { z } from "zod";

z.config({ jitless: true });
