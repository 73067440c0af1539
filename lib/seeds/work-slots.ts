/**
 * How many seed reads (preflights) and uploads run at once: each holds up to
 * tens of megabytes (the IDs it counts, the parts it sends), so a few per
 * person and a few more in all, in this process. One more is refused at once
 * (429, with a hint), never queued: the browser asks again when the person
 * does.
 */
import { SeedError } from "./errors";

export type SeedWork = "preflight" | "upload";

/** At once, per person and in all, for each kind of work. */
export const SEED_WORK_LIMITS: Record<SeedWork, { perPerson: number; total: number }> = {
  preflight: { perPerson: 2, total: 4 },
  upload: { perPerson: 2, total: 4 },
};

const WHAT: Record<SeedWork, string> = { preflight: "seed checks", upload: "uploads" };

export class SeedWorkSlots {
  private readonly running = new Map<string, number>();

  constructor(private readonly limits = SEED_WORK_LIMITS) {}

  /** Runs `work` in a slot of `kind` for `person`, or refuses (SeedError 429) when none is free. */
  async run<T>(kind: SeedWork, person: string, work: () => Promise<T>): Promise<T> {
    const { perPerson, total } = this.limits[kind];
    const mine = `${kind} by ${JSON.stringify(person)}`;
    const all = `${kind} in all`;
    if ((this.running.get(mine) ?? 0) >= perPerson) {
      throw new SeedError(
        "TooManySeedRequests",
        `You already have ${perPerson} ${WHAT[kind]} running; wait for one to finish.`,
        429,
      );
    }
    if ((this.running.get(all) ?? 0) >= total) {
      throw new SeedError(
        "TooManySeedRequests",
        `The dashboard is running ${total} ${WHAT[kind]} already; try again in a moment.`,
        429,
      );
    }
    const change = (key: string, by: number) =>
      this.running.set(key, (this.running.get(key) ?? 0) + by);
    change(mine, 1);
    change(all, 1);
    try {
      return await work();
    } finally {
      change(mine, -1);
      change(all, -1);
    }
  }
}

const SLOTS_KEY = Symbol.for("cleanrooms-ml-dashboard.seed-work-slots");
const processGlobals = globalThis as { [SLOTS_KEY]?: SeedWorkSlots };

/** The process's slots (on `globalThis`: Next.js may load this module once per bundle). */
export function seedWorkSlots(): SeedWorkSlots {
  processGlobals[SLOTS_KEY] ??= new SeedWorkSlots();
  return processGlobals[SLOTS_KEY];
}
