import { AUDIENCE_GENERATION_JOB_ARN_PATTERN } from "@/lib/schemas/limits";

/**
 * The comparison's state is its URL (`compareHref`: the region and account
 * once, then job IDs; or job ARNs), so a comparison is a link a teammate can open like a job link. Pure: the
 * page (server) and the list's Compare button (browser) both use it.
 */

/** A comparison shows at least this many jobs… */
export const COMPARE_MIN = 2;
/** …and at most this many (one colour each on one chart stays readable). */
export const COMPARE_MAX = 6;

export type CompareRequest =
  { ok: true; arns: string[] } | { ok: false; arns: string[]; problem: string };

/** A job ARN's parts, for the short link: only the commercial partition's ARNs are shortened. */
const JOB_ARN_PARTS = /^arn:aws:cleanrooms-ml:([a-z0-9-]+):(\d{12}):audience-generation-job\/(.+)$/;
/** The short link's `at`: `<region>:<account>`. */
const AT_PATTERN = /^([a-z]{2}(?:-[a-z]+)+-\d):(\d{12})$/;

const jobArnOf = (region: string, account: string, id: string) =>
  `arn:aws:cleanrooms-ml:${region}:${account}:audience-generation-job/${id}`;

/**
 * The comparison page's address for these jobs. Jobs of one region and
 * account (the usual case) make the short form, the region and account once,
 * then the job IDs: `/compare?at=us-east-1:111122223333&ids=<id>,<id>`; any
 * other mix keeps the long form, `/compare?jobs=<job ARN>,<job ARN>`. Both
 * need no server state, and the page reads both ({@link parseCompareLink}).
 */
export function compareHref(arns: readonly string[]): string {
  const parts = arns.map((arn) => JOB_ARN_PARTS.exec(arn));
  const first = parts[0];
  if (
    first &&
    parts.every((p) => p && p[1] === first[1] && p[2] === first[2] && !/[,\s]/.test(p[3]!))
  ) {
    return `/compare?at=${first[1]}:${first[2]}&ids=${parts.map((p) => encodeURIComponent(p![3]!).replace(/%2F/g, "/")).join(",")}`;
  }
  return `/compare?jobs=${arns.map((arn) => encodeURIComponent(arn).replace(/%3A/g, ":").replace(/%2F/g, "/")).join(",")}`;
}

const listOf = (param: string | string[] | undefined) =>
  (Array.isArray(param) ? param.join(",") : (param ?? ""))
    .split(",")
    .map((part) => part.trim())
    .filter((part) => part !== "");

/**
 * The jobs a comparison link names, short form (`at` and `ids`) or long
 * (`jobs`), or what is wrong with it in words. A link may carry both: the
 * short form's jobs come first.
 */
export function parseCompareLink(params: {
  at?: string | string[];
  ids?: string | string[];
  jobs?: string | string[];
}): CompareRequest {
  const ids = listOf(params.ids);
  const at = Array.isArray(params.at) ? params.at[0] : params.at;
  if (ids.length === 0 && at === undefined) return parseCompareJobs(params.jobs);
  const match = AT_PATTERN.exec(at?.trim() ?? "");
  if (!match) {
    return {
      ok: false,
      arns: [],
      problem: `A short comparison link gives the region and account once, as at=<region>:<account> (for example at=us-east-1:111122223333), then the job IDs as ids=<id>,<id>; this link's at is ${at === undefined ? "missing" : `"${at}"`}.`,
    };
  }
  return parseCompareJobs([
    ...ids.map((id) => jobArnOf(match[1]!, match[2]!, id)),
    ...listOf(params.jobs),
  ]);
}

/**
 * The jobs a `jobs` search parameter names, in order, each once; or what is
 * wrong with it, in words (too few, too many, or a value that is not a job
 * ARN). A repeated parameter counts as one list.
 */
export function parseCompareJobs(param: string | string[] | undefined): CompareRequest {
  const raw = listOf(param);
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
