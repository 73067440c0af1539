import { AUDIENCE_GENERATION_JOB_ARN_PATTERN } from "@/lib/schemas/limits";

/**
 * The comparison's state is its URL: `/compare?jobs=<job ARN>,<job ARN>,…`,
 * so a comparison is a link a teammate can open like a job link. Pure: the
 * page (server) and the list's Compare button (browser) both use it.
 */

/** A comparison shows at least this many jobs… */
export const COMPARE_MIN = 2;
/** …and at most this many (one colour each on one chart stays readable). */
export const COMPARE_MAX = 6;

export type CompareRequest =
  { ok: true; arns: string[] } | { ok: false; arns: string[]; problem: string };

/** The comparison page's address for these jobs. ARNs keep their `:` and `/` for a readable link. */
export function compareHref(arns: readonly string[]): string {
  return `/compare?jobs=${arns.map((arn) => encodeURIComponent(arn).replace(/%3A/g, ":").replace(/%2F/g, "/")).join(",")}`;
}

/**
 * The jobs a `jobs` search parameter names, in order, each once; or what is
 * wrong with it, in words (too few, too many, or a value that is not a job
 * ARN). A repeated parameter counts as one list.
 */
export function parseCompareJobs(param: string | string[] | undefined): CompareRequest {
  const raw = (Array.isArray(param) ? param.join(",") : (param ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");
  const arns = [...new Set(raw)];
  const notJobs = arns.filter((arn) => !AUDIENCE_GENERATION_JOB_ARN_PATTERN.test(arn));
  if (notJobs.length > 0) {
    return {
      ok: false,
      arns,
      problem: `${notJobs.length === 1 ? "This is" : "These are"} not an audience generation job ARN: ${notJobs.join(", ")}. A job ARN looks like arn:aws:cleanrooms-ml:<region>:<account>:audience-generation-job/<id>.`,
    };
  }
  if (arns.length > COMPARE_MAX) {
    return {
      ok: false,
      arns,
      problem: `A comparison shows at most ${COMPARE_MAX} jobs; this link names ${arns.length}. Remove some jobs from the link, or choose again from the list.`,
    };
  }
  if (arns.length < COMPARE_MIN) {
    return {
      ok: false,
      arns,
      problem: `A comparison needs at least ${COMPARE_MIN} jobs; this link names ${arns.length === 0 ? "none" : "one"}. Choose the jobs to compare in the list.`,
    };
  }
  return { ok: true, arns };
}
