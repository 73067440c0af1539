import { describe, expect, it } from "vitest";

import { keystrokeP95, summarize, worstInteraction, type EventEntry } from "./event-timing";

const key = (interactionId: number, duration: number): EventEntry[] => [
  { name: "keydown", duration, interactionId },
  { name: "keyup", duration: duration - 8, interactionId },
];
const click = (interactionId: number, duration: number): EventEntry[] => [
  { name: "pointerdown", duration: duration - 8, interactionId },
  { name: "pointerup", duration: duration - 8, interactionId },
  { name: "click", duration, interactionId },
];

describe("summarize", () => {
  it("counts each interaction once, as long as its longest event, in order", () => {
    const result = summarize("typing", 3, [...click(1, 40), ...key(2, 24), ...key(3, 72)]);
    expect(result.durations).toEqual([40, 24, 72]);
    expect(result.keyDurations).toEqual([24, 72]);
  });

  it("leaves out events of no interaction (hover, scroll)", () => {
    const result = summarize("hovering", 0, [
      { name: "pointerover", duration: 200, interactionId: 0 },
      { name: "mouseover", duration: 120, interactionId: 0 },
      ...click(7, 32),
    ]);
    expect(result.durations).toEqual([32]);
  });
});

describe("the interaction budgets' figures", () => {
  it("the worst interaction is the longest of every scenario, 0 when none was reported", () => {
    expect(
      worstInteraction([summarize("a", 0, click(1, 48)), summarize("b", 2, key(2, 104))]),
    ).toBe(104);
    expect(worstInteraction([summarize("a", 5, [])])).toBe(0);
  });

  it("keystrokes the browser did not report count as under 16 ms in the 95th percentile", () => {
    // 40 keystrokes, 2 reported slow: 95% of them (38) stayed under 16 ms.
    const few = summarize("name", 40, [...key(1, 64), ...key(2, 56)]);
    expect(keystrokeP95([few])).toEqual({ keystrokes: 40, p95: 0 });
    // 3 slow of 40: the 38th fastest is the slowest but two.
    const more = summarize("name", 40, [...key(1, 64), ...key(2, 56), ...key(3, 48)]);
    expect(keystrokeP95([more])).toEqual({ keystrokes: 40, p95: 48 });
  });

  it("takes every scenario's keystrokes together, clicks left out", () => {
    const name = summarize("name", 10, [...key(1, 24), ...key(2, 32), ...click(3, 300)]);
    const search = summarize("search", 10, key(4, 80));
    expect(keystrokeP95([name, search])).toEqual({ keystrokes: 20, p95: 32 });
  });
});
