/**
 * The lookalike model: rank training users by similarity to the seed, then
 * score each audience size of the configured model. The definitions are
 * spelled out in emulator/README.md ("How results are computed").
 */
import type { TrainingData } from "./training-data";
import { INTEREST_GROUPS, userIndexOf } from "./training-data";

export type AudienceSizeType = "ABSOLUTE" | "PERCENTAGE";

export interface AudienceSizeConfig {
  audienceSizeType: AudienceSizeType;
  audienceSizeBins: number[];
}

export interface RelevanceMetric {
  audienceSize: { type: AudienceSizeType; value: number };
  score: number;
}

export interface AudienceQualityMetrics {
  relevanceMetrics: RelevanceMetric[];
  recallMetric?: number;
}

export interface LookalikeInput {
  /** Unique seed user IDs, as read from the seed source. */
  seedUserIds: readonly string[];
  minMatchingSeedSize: number;
  audienceSizeConfig: AudienceSizeConfig;
  includeSeedInOutput: boolean;
  /** False when the configured model shares no metrics (sharedAudienceMetrics NONE). */
  shareMetrics: boolean;
}

export type LookalikeResult =
  | {
      ok: true;
      matchedSeedUsers: number;
      /** Users the segment is ranked from: all training users, less the seed unless it is included. */
      population: number;
      /** Training user indices, best first, as long as the largest audience size needs. */
      segment: Uint32Array;
      metrics: AudienceQualityMetrics | undefined;
    }
  | { ok: false; statusCode: "INSUFFICIENT_MATCHING_SEED_USERS"; message: string };

/** Recall looks at the most similar 20% of the evaluation sample. */
export const RECALL_TOP_SHARE = 0.2;
/** At most this many (non-seed) training users form the evaluation sample. */
export const RECALL_SAMPLE_MAX = 20_000;
/** Standard errors by which a group's seed interest must exceed the population's to count. */
export const RECALL_SIGNIFICANCE = 3;
export const RELEVANCE_SCORE_MAX = 10;

/** Users in an audience of this size drawn from `population` ranked users. */
export function audienceSizeInUsers(
  type: AudienceSizeType,
  value: number,
  population: number,
): number {
  if (type === "PERCENTAGE") return Math.min(population, Math.floor((value * population) / 100));
  return Math.min(population, value);
}

export function computeLookalike(data: TrainingData, input: LookalikeInput): LookalikeResult {
  const { users, dimensions: dims, vectors } = data;
  const isSeed = new Uint8Array(users);
  let matched = 0;
  for (const id of input.seedUserIds) {
    const index = userIndexOf(id, users);
    if (index >= 0 && isSeed[index] === 0) {
      isSeed[index] = 1;
      matched++;
    }
  }
  if (matched < input.minMatchingSeedSize) {
    return {
      ok: false,
      statusCode: "INSUFFICIENT_MATCHING_SEED_USERS",
      message: `Only ${matched.toLocaleString("en-US")} of ${input.seedUserIds.length.toLocaleString("en-US")} seed users match users in the training data; the configured audience model requires at least ${input.minMatchingSeedSize.toLocaleString("en-US")}.`,
    };
  }

  // Seed centroid of the (unit) interaction vectors, normalised.
  const centroid = new Float64Array(dims);
  for (let u = 0; u < users; u++) {
    if (isSeed[u] === 0) continue;
    const row = u * dims;
    for (let d = 0; d < dims; d++) centroid[d] = (centroid[d] ?? 0) + (vectors[row + d] ?? 0);
  }
  let norm = 0;
  for (let d = 0; d < dims; d++) norm += (centroid[d] ?? 0) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let d = 0; d < dims; d++) centroid[d] = (centroid[d] ?? 0) / norm;

  // Cosine similarity of every user to the centroid (rows are unit vectors).
  const similarity = new Float32Array(users);
  for (let u = 0; u < users; u++) {
    const row = u * dims;
    let dot = 0;
    for (let d = 0; d < dims; d++) dot += (vectors[row + d] ?? 0) * (centroid[d] ?? 0);
    similarity[u] = dot;
  }

  // Rank: similarity descending, index ascending on ties.
  const order = new Uint32Array(users);
  for (let u = 0; u < users; u++) order[u] = u;
  order.sort((a, b) => (similarity[b] ?? 0) - (similarity[a] ?? 0) || a - b);

  const population = input.includeSeedInOutput ? users : users - matched;
  const ranked = new Uint32Array(population);
  let n = 0;
  if (input.includeSeedInOutput) for (const u of order) if (isSeed[u] === 1) ranked[n++] = u;
  for (const u of order) if (isSeed[u] === 0) ranked[n++] = u;

  const { audienceSizeType: type, audienceSizeBins: bins } = input.audienceSizeConfig;
  const sizes = bins.map((value) => audienceSizeInUsers(type, value, population));
  const largest = Math.max(0, ...sizes);
  const segment = ranked.slice(0, largest);

  let metrics: AudienceQualityMetrics | undefined;
  if (input.shareMetrics) {
    metrics = {
      relevanceMetrics: relevanceScores(ranked, similarity, bins, sizes, type),
      recallMetric: recall(data, isSeed, matched, segment),
    };
  }
  return { ok: true, matchedSeedUsers: matched, population, segment, metrics };
}

/**
 * Per size: 10 × (mean similarity of the segment's top N − mean similarity of
 * the population) / (1 − mean similarity of the population), within 0..10.
 * The top-N mean never grows with N, so neither does the score.
 */
function relevanceScores(
  ranked: Uint32Array,
  similarity: Float32Array,
  bins: number[],
  sizes: number[],
  type: AudienceSizeType,
): RelevanceMetric[] {
  const prefix = new Float64Array(ranked.length + 1);
  for (let i = 0; i < ranked.length; i++)
    prefix[i + 1] = (prefix[i] ?? 0) + (similarity[ranked[i] ?? 0] ?? 0);
  const total = prefix[ranked.length] ?? 0;
  const populationMean = ranked.length > 0 ? total / ranked.length : 0;
  const headroom = 1 - populationMean;
  return bins.map((value, i) => {
    const size = sizes[i] ?? 0;
    const segmentMean = size > 0 ? (prefix[size] ?? 0) / size : populationMean;
    const raw =
      headroom > 0 ? (RELEVANCE_SCORE_MAX * (segmentMean - populationMean)) / headroom : 0;
    const score = Math.round(Math.min(RELEVANCE_SCORE_MAX, Math.max(0, raw)) * 100) / 100;
    return { audienceSize: { type, value }, score };
  });
}

/**
 * The share of the evaluation sample's most similar 20% that the largest
 * audience captures. "Most similar" uses the users' hidden interests, which
 * the ranking never sees: a user's affinity is Σ_g interest[g] · lift[g] over
 * the seed's distinctive groups, lift[g] = (seed[g] − all[g]) / all[g], where
 * seed[g] and all[g] are the mean interest in group g of the matched seed users
 * and of all users. A group is distinctive when seed[g] exceeds all[g] by more
 * than RECALL_SIGNIFICANCE standard errors. Ties (e.g. every user of a seed
 * with no distinctive group) go to the lower user index, which is a random
 * order, so such a seed's recall is about the audience's share.
 */
function recall(
  data: TrainingData,
  isSeed: Uint8Array,
  matched: number,
  segment: Uint32Array,
): number {
  const { users, interests } = data;
  const groups = INTEREST_GROUPS.length;
  const seedMean = new Float64Array(groups);
  const allMean = new Float64Array(groups);
  const allSquares = new Float64Array(groups);
  for (let u = 0; u < users; u++) {
    const row = u * groups;
    for (let g = 0; g < groups; g++) {
      const w = interests[row + g] ?? 0;
      allMean[g] = (allMean[g] ?? 0) + w;
      allSquares[g] = (allSquares[g] ?? 0) + w * w;
      if (isSeed[u] === 1) seedMean[g] = (seedMean[g] ?? 0) + w;
    }
  }
  const lift = new Float64Array(groups);
  for (let g = 0; g < groups; g++) {
    const all = (allMean[g] ?? 0) / users;
    const seed = (seedMean[g] ?? 0) / Math.max(1, matched);
    const variance = Math.max(0, (allSquares[g] ?? 0) / users - all * all);
    const standardError = Math.sqrt(variance / Math.max(1, matched));
    lift[g] = all > 0 && seed - all > RECALL_SIGNIFICANCE * standardError ? (seed - all) / all : 0;
  }

  const nonSeed = users - matched;
  const stride = Math.max(1, Math.ceil(nonSeed / RECALL_SAMPLE_MAX));
  const sample: number[] = [];
  let seen = 0;
  for (let u = 0; u < users; u++) {
    if (isSeed[u] === 1) continue;
    if (seen++ % stride === 0) sample.push(u);
  }
  if (sample.length === 0) return 0;
  const affinity = new Float64Array(users);
  for (const u of sample) {
    let a = 0;
    for (let g = 0; g < groups; g++) a += (interests[u * groups + g] ?? 0) * (lift[g] ?? 0);
    affinity[u] = a;
  }
  sample.sort((a, b) => (affinity[b] ?? 0) - (affinity[a] ?? 0) || a - b);
  const relevant = sample.slice(0, Math.max(1, Math.ceil(RECALL_TOP_SHARE * sample.length)));

  const inAudience = new Uint8Array(users);
  for (const u of segment) inAudience[u] = 1;
  let captured = 0;
  for (const u of relevant) captured += inAudience[u] ?? 0;
  return Math.round((captured / relevant.length) * 10_000) / 10_000;
}
