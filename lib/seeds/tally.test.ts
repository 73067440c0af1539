import { describe, expect, it } from "vitest";

import { seedProblems, SeedTally } from "./tally";

const tally = (text: string) => {
  const t = new SeedTally();
  t.push(new TextEncoder().encode(text));
  return t.result();
};

describe("a CSV given where JSON lines are expected", () => {
  it("says it looks like CSV and how to convert it, for a delimited file or a bare column of IDs", () => {
    for (const text of ["customer_id,name\n1,Ann\n2,Bo\n", "1001\n1002\n1003\n", "a;b\n"]) {
      const counts = tally(text);
      expect(counts.looksLikeCsv).toBe(true);
      expect(seedProblems(counts)[0]).toBe(
        "This looks like CSV, not JSON lines: upload it with Upload a file to convert it (you choose the ID column).",
      );
    }
  });

  it("does not say so of JSON lines with a bad line further down", () => {
    const counts = tally('{"user_id":"1"}\nnot json, at all\n');
    expect(counts.looksLikeCsv).toBeUndefined();
    expect(seedProblems(counts).join(" ")).not.toMatch(/looks like CSV/);
  });
});
