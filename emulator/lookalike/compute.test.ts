import { describe, expect, it } from "vitest";

import { audienceSizeInUsers, computeLookalike, type AudienceSizeConfig } from "./compute";
import { createRandom } from "./random";
import { generateTrainingData, userIdOf, userIndexOf, usersOfGroup } from "./training-data";

const data = generateTrainingData(2024, 30_000);
const percentage: AudienceSizeConfig = {
  audienceSizeType: "PERCENTAGE",
  audienceSizeBins: [5, 10, 20, 30, 50],
};

function sample(values: number[], count: number, seed: number): string[] {
  const random = createRandom(seed);
  const a = values.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j] as number, a[i] as number];
  }
  return a.slice(0, count).map(userIdOf);
}
const everyone = Array.from({ length: data.users }, (_, i) => i);
const lookalike = (
  seedUserIds: string[],
  extra: Partial<Parameters<typeof computeLookalike>[1]> = {},
) =>
  computeLookalike(data, {
    seedUserIds,
    minMatchingSeedSize: 25,
    audienceSizeConfig: percentage,
    includeSeedInOutput: false,
    shareMetrics: true,
    ...extra,
  });

describe("training data", () => {
  it("is the same for the same seed number and differs for another", () => {
    const bytes = (vectors: Float32Array) =>
      Buffer.from(vectors.buffer, vectors.byteOffset, vectors.byteLength);
    expect(bytes(generateTrainingData(2024, 30_000).vectors).equals(bytes(data.vectors))).toBe(
      true,
    );
    expect(bytes(generateTrainingData(7, 30_000).vectors).equals(bytes(data.vectors))).toBe(false);
  });

  it("has unit interaction vectors and user IDs that round-trip", () => {
    for (const u of [0, 17, 29_999]) {
      let norm = 0;
      for (let d = 0; d < data.dimensions; d++)
        norm += (data.vectors[u * data.dimensions + d] ?? 0) ** 2;
      expect(norm).toBeCloseTo(1, 5);
      expect(userIndexOf(userIdOf(u), data.users)).toBe(u);
    }
    expect(userIdOf(0)).toBe("u0000001");
    expect(userIndexOf("u0030001", data.users)).toBe(-1);
    expect(userIndexOf("x0000001", data.users)).toBe(-1);
  });
});

describe("computeLookalike", () => {
  it("gives a random seed a recall close to the largest size's share, and an interest group a clearly higher one", () => {
    for (const seed of [1, 2, 3]) {
      const random = lookalike(sample(everyone, 1500, seed));
      if (!random.ok) throw new Error("expected a result");
      expect(random.metrics?.recallMetric).toBeGreaterThan(0.4);
      expect(random.metrics?.recallMetric).toBeLessThan(0.6);
    }
    for (const group of ["sports", "travel", "gaming"] as const) {
      const result = lookalike(sample(usersOfGroup(data, group), 800, 9));
      if (!result.ok) throw new Error("expected a result");
      expect(result.metrics?.recallMetric).toBeGreaterThan(0.7);
    }
  });

  it("scores each size within 0..10, never higher for a larger size, and higher for a coherent seed", () => {
    const sports = lookalike(sample(usersOfGroup(data, "sports"), 1000, 4));
    const random = lookalike(sample(everyone, 1000, 4));
    if (!sports.ok || !random.ok) throw new Error("expected results");
    for (const result of [sports, random]) {
      const scores = result.metrics?.relevanceMetrics.map((m) => m.score) ?? [];
      expect(scores).toHaveLength(5);
      for (let i = 0; i < scores.length; i++) {
        expect(scores[i]).toBeGreaterThanOrEqual(0);
        expect(scores[i]).toBeLessThanOrEqual(10);
        if (i > 0) expect(scores[i]).toBeLessThanOrEqual(scores[i - 1] ?? 10);
      }
    }
    expect(sports.metrics?.relevanceMetrics[0]?.score).toBeGreaterThan(
      (random.metrics?.relevanceMetrics[0]?.score ?? 0) + 3,
    );
  });

  it("keeps the configured sizes in their order and type", () => {
    const config: AudienceSizeConfig = {
      audienceSizeType: "ABSOLUTE",
      audienceSizeBins: [25000, 1000, 5000],
    };
    const result = lookalike(sample(everyone, 100, 5), { audienceSizeConfig: config });
    if (!result.ok) throw new Error("expected a result");
    expect(result.metrics?.relevanceMetrics.map((m) => m.audienceSize)).toEqual(
      config.audienceSizeBins.map((value) => ({ type: "ABSOLUTE", value })),
    );
    expect(result.segment).toHaveLength(25000);
  });

  it("leads the segment with the matched seed users when the seed is included, and leaves them out otherwise", () => {
    const seed = sample(usersOfGroup(data, "books"), 300, 6);
    const seedIndices = new Set(seed.map((id) => userIndexOf(id, data.users)));
    const included = lookalike(seed, { includeSeedInOutput: true });
    const excluded = lookalike(seed);
    if (!included.ok || !excluded.ok) throw new Error("expected results");
    expect(included.population).toBe(data.users);
    expect(excluded.population).toBe(data.users - 300);
    expect([...included.segment.slice(0, 300)].every((u) => seedIndices.has(u))).toBe(true);
    expect([...excluded.segment].some((u) => seedIndices.has(u))).toBe(false);
  });

  it("leaves metrics out when the model shares none", () => {
    const result = lookalike(sample(everyone, 100, 7), { shareMetrics: false });
    expect(result.ok && result.metrics).toBeUndefined();
  });

  it("fails with fewer matched users than the model's minimum", () => {
    const seed = [...sample(everyone, 99, 8), "not-a-user", "u9999999"];
    const result = lookalike(seed, { minMatchingSeedSize: 100 });
    expect(result).toEqual({
      ok: false,
      statusCode: "INSUFFICIENT_MATCHING_SEED_USERS",
      message:
        "Only 99 of 101 seed users match users in the training data; the configured audience model requires at least 100.",
    });
    expect(lookalike(seed, { minMatchingSeedSize: 99 }).ok).toBe(true);
  });

  it("sizes audiences from the ranked population", () => {
    expect(audienceSizeInUsers("PERCENTAGE", 10, 19_001)).toBe(1900);
    expect(audienceSizeInUsers("PERCENTAGE", 100, 19_001)).toBe(19_001);
    expect(audienceSizeInUsers("ABSOLUTE", 50_000, 19_001)).toBe(19_001);
    expect(audienceSizeInUsers("ABSOLUTE", 5_000, 19_001)).toBe(5_000);
  });
});
