/**
 * Synthetic training data: users with item interactions drawn from latent
 * interest groups. Everything follows from (generatorSeed, users), so the same
 * dataset appears on every start and on every machine.
 */
import { createRandom, cumulativeOf, pickCumulative } from "./random";

/** The latent interest groups; demo seed files and the seed-owner table use these names. */
export const INTEREST_GROUPS = [
  "sports",
  "travel",
  "cooking",
  "gaming",
  "fashion",
  "music",
  "technology",
  "finance",
  "parenting",
  "fitness",
  "books",
  "automotive",
] as const;
export type InterestGroup = (typeof INTEREST_GROUPS)[number];

const GROUPS = INTEREST_GROUPS.length;
/** Items each group mostly interacts with. */
const CORE_ITEMS_PER_GROUP = 4;
/** Items every group interacts with a little (popular catalogue items). */
const GENERAL_ITEMS = 16;
export const ITEM_DIMENSIONS = GROUPS * CORE_ITEMS_PER_GROUP + GENERAL_ITEMS;

/** Share of a group's interactions that land on its core items. */
const CORE_SHARE = 0.8;
/** Share of a user's interactions that are pure noise (any item). */
const NOISE_SHARE = 0.1;
const SECONDARY_INTEREST_PROBABILITY = 0.55;
const PRIMARY_WEIGHT_WITH_SECONDARY = 0.7;
const MIN_INTERACTIONS = 12;
const EXTRA_INTERACTIONS = 48;

export interface TrainingData {
  users: number;
  dimensions: number;
  /** users × dimensions, each row L2-normalised (square-root dampened counts). */
  vectors: Float32Array;
  /** users × groups: the hidden interest weights each user was drawn from (never seen by the ranking). */
  interests: Float32Array;
  /** Each user's main interest group (index into INTEREST_GROUPS). */
  primaryGroup: Uint8Array;
}

const USER_ID_DIGITS = 7;
const USER_ID_PATTERN = /^u(\d{7})$/;

/** Training user IDs are `u0000001`, `u0000002`, …: the same in every dataset. */
export function userIdOf(index: number): string {
  return `u${String(index + 1).padStart(USER_ID_DIGITS, "0")}`;
}

/** The index of a user ID in a dataset of `users` users, or -1 when it is not a training user. */
export function userIndexOf(userId: string, users: number): number {
  const match = USER_ID_PATTERN.exec(userId);
  if (!match) return -1;
  const index = Number(match[1]) - 1;
  return index >= 0 && index < users ? index : -1;
}

export function generateTrainingData(generatorSeed: number, users: number): TrainingData {
  const random = createRandom(generatorSeed);
  const popularity = cumulativeOf(Array.from({ length: GROUPS }, (_, g) => 1 / Math.sqrt(g + 2)));

  const generalWeights = Array.from({ length: GENERAL_ITEMS }, (_, k) => 1 / (k + 1));
  const generalTotal = generalWeights.reduce((a, b) => a + b, 0);
  const profiles: Float64Array[] = [];
  for (let g = 0; g < GROUPS; g++) {
    const weights = new Float64Array(ITEM_DIMENSIONS);
    const core = Array.from({ length: CORE_ITEMS_PER_GROUP }, () => 0.5 + random());
    const coreTotal = core.reduce((a, b) => a + b, 0);
    core.forEach((w, k) => (weights[g * CORE_ITEMS_PER_GROUP + k] = (CORE_SHARE * w) / coreTotal));
    generalWeights.forEach(
      (w, k) =>
        (weights[GROUPS * CORE_ITEMS_PER_GROUP + k] = ((1 - CORE_SHARE) * w) / generalTotal),
    );
    profiles.push(cumulativeOf(weights));
  }

  const vectors = new Float32Array(users * ITEM_DIMENSIONS);
  const interests = new Float32Array(users * GROUPS);
  const primaryGroup = new Uint8Array(users);
  const counts = new Float64Array(ITEM_DIMENSIONS);

  for (let u = 0; u < users; u++) {
    const primary = pickCumulative(popularity, random);
    let secondary = -1;
    if (random() < SECONDARY_INTEREST_PROBABILITY) {
      do secondary = pickCumulative(popularity, random);
      while (secondary === primary);
    }
    const primaryWeight = secondary < 0 ? 1 : PRIMARY_WEIGHT_WITH_SECONDARY;
    primaryGroup[u] = primary;
    interests[u * GROUPS + primary] = primaryWeight;
    if (secondary >= 0) interests[u * GROUPS + secondary] = 1 - primaryWeight;

    counts.fill(0);
    const interactions = MIN_INTERACTIONS + Math.floor(random() * EXTRA_INTERACTIONS);
    for (let k = 0; k < interactions; k++) {
      let item: number;
      if (random() < NOISE_SHARE) {
        item = Math.floor(random() * ITEM_DIMENSIONS);
      } else {
        const group = secondary < 0 || random() < primaryWeight ? primary : secondary;
        item = pickCumulative(profiles[group] as Float64Array, random);
      }
      counts[item] = (counts[item] ?? 0) + 1;
    }
    let norm = 0;
    for (let d = 0; d < ITEM_DIMENSIONS; d++) norm += counts[d] ?? 0; // sum of sqrt(c)^2
    const scale = 1 / Math.sqrt(norm);
    const row = u * ITEM_DIMENSIONS;
    for (let d = 0; d < ITEM_DIMENSIONS; d++) vectors[row + d] = Math.sqrt(counts[d] ?? 0) * scale;
  }
  return { users, dimensions: ITEM_DIMENSIONS, vectors, interests, primaryGroup };
}

/** Indices of the users whose main interest is `group`, in order. */
export function usersOfGroup(data: TrainingData, group: InterestGroup): number[] {
  const g = INTEREST_GROUPS.indexOf(group);
  const out: number[] = [];
  for (let u = 0; u < data.users; u++) if (data.primaryGroup[u] === g) out.push(u);
  return out;
}
