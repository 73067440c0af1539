import { describe, expect, it } from "vitest";

import { SeedError } from "./errors";
import { SeedTally } from "./tally";
import { SEED_WORK_LIMITS, SeedWorkSlots } from "./work-slots";

/** A piece of work that runs until `finish` is called. */
function held() {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => done, finish };
}

describe("seed checks and uploads at once", () => {
  it("are capped per person and in all; one more is refused at once with 429", async () => {
    const slots = new SeedWorkSlots();
    const { perPerson, total } = SEED_WORK_LIMITS.preflight;
    const running = Array.from({ length: perPerson }, () => held());
    const mine = running.map((h) => slots.run("preflight", "alice", h.work));
    const refused = await slots
      .run("preflight", "alice", async () => "ran")
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SeedError);
    expect(refused).toMatchObject({ code: "TooManySeedRequests", status: 429 });

    const others = Array.from({ length: total - perPerson }, () => held());
    const theirs = others.map((h, i) => slots.run("preflight", `person-${i}`, h.work));
    await expect(slots.run("preflight", "bob", async () => "ran")).rejects.toMatchObject({
      status: 429,
      message: expect.stringMatching(/running 4 seed checks already/),
    });
    // Uploads are counted apart.
    await expect(slots.run("upload", "alice", async () => "ran")).resolves.toBe("ran");

    running[0]!.finish();
    await mine[0];
    await expect(slots.run("preflight", "alice", async () => "ran")).resolves.toBe("ran");
    for (const h of [...running, ...others]) h.finish();
    await Promise.all([...mine, ...theirs]);
  });

  it("count the local mode's one anonymous person like anyone", async () => {
    const slots = new SeedWorkSlots();
    const first = held();
    const running = slots.run("upload", "", first.work);
    await expect(slots.run("upload", "", async () => "ran")).resolves.toBe("ran");
    first.finish();
    await running;
  });

  it("free their slot when the work fails", async () => {
    const slots = new SeedWorkSlots();
    for (let i = 0; i < 5; i++) {
      await expect(
        slots.run("upload", "alice", async () => {
          throw new Error("S3 went away");
        }),
      ).rejects.toThrow("S3 went away");
    }
    await expect(slots.run("upload", "alice", async () => "ran")).resolves.toBe("ran");
  });
});

describe("the IDs a seed check holds", () => {
  it("are bounded in memory however long each ID is", () => {
    const tally = new SeedTally();
    const id = (i: number) => `${String(i).padStart(8, "0")}${"x".repeat(60_000)}`;
    for (let i = 0; i < 200; i++) tally.push(Buffer.from(`{"user_id":"${id(i)}"}\n`));
    tally.push(Buffer.from(`{"user_id":"${id(7)}"}\n`));
    const counts = tally.result();
    expect(counts).toMatchObject({ uniqueIds: 200, duplicates: 1, malformedLines: 0 });
    // 200 IDs of 60,008 characters: 12 million characters as they came, 32 or fewer each as kept.
    expect(tally.heldIdChars).toBeLessThanOrEqual(200 * 32);
  });
});
