// What the page benchmark makes of Event Timing entries (bench/pages/interactions.ts):
// one duration per interaction, and the budgets' two figures. Pure, so it is tested
// on its own (event-timing.test.ts).

/** What the benchmark keeps of a PerformanceEventTiming entry. */
export interface EventEntry {
  name: string;
  duration: number;
  /** The interaction the event belongs to; 0 for events that are none (hover, scroll). */
  interactionId: number;
}

export interface Interactions {
  name: string;
  /** Keys pressed: each is an interaction, reported only when it took 16 ms or more. */
  keystrokes: number;
  /** Each reported interaction's duration (its longest event), in order. */
  durations: number[];
  /** Of those, the keystrokes' (interactions with a key event). */
  keyDurations: number[];
}

/**
 * The interactions among `events`, as INP counts them: events grouped by
 * interaction, each interaction as long as its longest event; events of no
 * interaction left out.
 */
export function summarize(name: string, keystrokes: number, events: EventEntry[]): Interactions {
  const byInteraction = new Map<number, EventEntry[]>();
  for (const event of events) {
    if (event.interactionId === 0) continue;
    byInteraction.set(event.interactionId, [
      ...(byInteraction.get(event.interactionId) ?? []),
      event,
    ]);
  }
  const durations: number[] = [];
  const keyDurations: number[] = [];
  for (const group of byInteraction.values()) {
    const duration = Math.max(...group.map((e) => e.duration));
    durations.push(duration);
    if (group.some((e) => e.name.startsWith("key"))) keyDurations.push(duration);
  }
  return { name, keystrokes, durations, keyDurations };
}

/** The longest interaction of all, 0 when none took 16 ms. */
export function worstInteraction(results: readonly Interactions[]): number {
  return Math.max(0, ...results.flatMap((r) => r.durations));
}

/**
 * Every keystroke of `results`, and the duration 95% of them stay within: a
 * keystroke the browser did not report took under 16 ms, and counts as 0.
 */
export function keystrokeP95(results: readonly Interactions[]): {
  keystrokes: number;
  p95: number;
} {
  const keystrokes = results.reduce((n, r) => n + r.keystrokes, 0);
  const reported = results.flatMap((r) => r.keyDurations);
  const all = [...reported, ...Array<number>(Math.max(0, keystrokes - reported.length)).fill(0)];
  all.sort((a, b) => a - b);
  return { keystrokes, p95: all[Math.ceil(all.length * 0.95) - 1] ?? 0 };
}
