/**
 * How the job page reads relevance: the fixed score scale, the verdict on a
 * job (strong / moderate / close to random) and the suggested export size.
 * Every threshold is here, once, as a named constant; the page only words
 * what these functions decide. Pure: no React.
 */

/** The API's relevance score runs from 0 to 10 (RelevanceMetric.score). */
export const SCORE_MIN = 0;
export const SCORE_MAX = 10;
/** The score axis' ticks: the same on every job, so two charts read alike. */
export const SCORE_TICKS = [0, 2, 4, 6, 8, 10];
/** The score axis of every relevance chart (the job's, the comparison's, a schedule's runs). */
export const SCORE_AXIS = {
  yDomain: [SCORE_MIN, SCORE_MAX] as [number, number],
  yTicks: SCORE_TICKS,
  formatYTick: (value: number) => String(value),
};

/**
 * Verdict from recall, when the random level is known (percentage sizes: a
 * random pick reaches a recall equal to the largest size's share). The
 * measure is how much of the possible gain above random the job reached:
 * (recall − random) / (1 − random).
 */
export const RECALL_GAIN_STRONG = 0.5;
export const RECALL_GAIN_MODERATE = 0.2;

/**
 * Verdict from the best relevance score, when the random level cannot be
 * known (absolute sizes: the service does not say how many users the model
 * knows). On the 0–10 scale.
 */
export const SCORE_STRONG = 6;
export const SCORE_MODERATE = 3;

/** The suggested size keeps at least this share of the best score. */
export const SUGGESTION_SHARE_OF_BEST = 0.7;

/** A score as the page shows it, two decimals, or "Not given" when the service gave none. */
export function formatScore(score: number | undefined): string {
  return score === undefined ? "Not given" : score.toFixed(2);
}

export type Verdict = "strong" | "moderate" | "random";

export const VERDICT_LABEL: Record<Verdict, string> = {
  strong: "Strong",
  moderate: "Moderate",
  random: "Close to random",
};

export interface ScoredSize {
  type: "ABSOLUTE" | "PERCENTAGE";
  value: number;
  score: number | undefined;
}

/**
 * Where the random level is known: the recall a random pick reaches (the
 * largest percentage size's share), from the job's sizes, else from the
 * model's bins when they are percentages.
 */
export function randomRecall(
  sizes: readonly { type: ScoredSize["type"]; value: number }[],
  modelBins?: { type: ScoredSize["type"]; values: number[] },
): number | undefined {
  const percentages = sizes.filter((s) => s.type === "PERCENTAGE").map((s) => s.value);
  if (percentages.length === 0 && modelBins?.type === "PERCENTAGE")
    percentages.push(...modelBins.values);
  return percentages.length > 0 ? Math.max(...percentages) / 100 : undefined;
}

export interface JobVerdict {
  verdict: Verdict;
  /** What it was decided on. */
  basis: "recall" | "score";
}

/**
 * The job's verdict: from recall against the random level when that level is
 * known, else from the best relevance score. Undefined with nothing to judge.
 */
export function jobVerdict(
  recall: number | undefined,
  random: number | undefined,
  sizes: ScoredSize[],
): JobVerdict | undefined {
  if (recall !== undefined && random !== undefined && random < 1) {
    const gain = (recall - random) / (1 - random);
    const verdict: Verdict =
      gain >= RECALL_GAIN_STRONG ? "strong" : gain >= RECALL_GAIN_MODERATE ? "moderate" : "random";
    return { verdict, basis: "recall" };
  }
  const best = bestScore(sizes);
  if (best === undefined) return undefined;
  const verdict: Verdict =
    best >= SCORE_STRONG ? "strong" : best >= SCORE_MODERATE ? "moderate" : "random";
  return { verdict, basis: "score" };
}

/** The thresholds in words, for the page to show beside the verdict. */
export function verdictRule(basis: JobVerdict["basis"]): string {
  const pct = (n: number) => `${Math.round(n * 100)}%`;
  return basis === "recall"
    ? `Strong when recall closes at least ${pct(RECALL_GAIN_STRONG)} of the gap between the random level and 100%, moderate from ${pct(RECALL_GAIN_MODERATE)}, close to random below.`
    : `Strong when the best relevance score is at least ${SCORE_STRONG} out of ${SCORE_MAX}, moderate from ${SCORE_MODERATE}, close to random below.`;
}

function bestScore(sizes: ScoredSize[]): number | undefined {
  const scores = sizes.map((s) => s.score).filter((s): s is number => s !== undefined);
  return scores.length > 0 ? Math.max(...scores) : undefined;
}

export interface Suggestion {
  size: ScoredSize;
  best: number;
  /** The least score the rule keeps. */
  floor: number;
}

/**
 * What the page advises for a job, decided once: the verdict, and the
 * suggested export size only where the verdict allows one. A job close to
 * random has no suggestion (any size is about as good as a random pick), and
 * says what to try instead. The job page's verdict, its suggestion and the
 * export form's marked size all come from here, so they cannot disagree.
 */
export interface Advice {
  verdict: JobVerdict | undefined;
  suggestion: Suggestion | undefined;
  /** Why no size is suggested although the job has scores, and what to try instead. */
  withheld: string | undefined;
}

/** What to try when the seed does not beat random. */
export const CLOSE_TO_RANDOM_ADVICE =
  "No size is suggested: this audience is about as good as picking users at random, so exporting any size would not help. Try a more specific seed (fewer, more alike users, or a query that selects your best customers), or a model trained on more recent data, then run a new job.";

export function jobAdvice(
  recall: number | undefined,
  sizes: ScoredSize[],
  modelBins?: { type: ScoredSize["type"]; values: number[] },
): Advice {
  const verdict = jobVerdict(recall, randomRecall(sizes, modelBins), sizes);
  if (verdict?.verdict === "random")
    return { verdict, suggestion: undefined, withheld: CLOSE_TO_RANDOM_ADVICE };
  return { verdict, suggestion: suggestedSize(sizes), withheld: undefined };
}

/**
 * The size the rule picks: the largest size whose score keeps at least
 * {@link SUGGESTION_SHARE_OF_BEST} of the best score. None without scores or
 * when the best score is 0 (every size is equally unlike the seed). Only
 * {@link jobAdvice} asks it, after the verdict.
 */
function suggestedSize(sizes: ScoredSize[]): Suggestion | undefined {
  const best = bestScore(sizes);
  if (best === undefined || best <= 0) return undefined;
  const floor = best * SUGGESTION_SHARE_OF_BEST;
  const kept = sizes
    .filter((s) => s.score !== undefined && s.score >= floor)
    .sort((a, b) => b.value - a.value);
  const size = kept[0];
  return size ? { size, best, floor } : undefined;
}

/** The suggestion's rule in words. */
export function suggestionRule(): string {
  return `the largest size whose relevance score keeps at least ${Math.round(SUGGESTION_SHARE_OF_BEST * 100)}% of the best score`;
}
