import { describe, expect, it } from "vitest";

import { parseCrpuPrice } from "./config";
import {
  crpuHours,
  estimateFromHistory,
  formatCost,
  formatCrpuHours,
  seedKeyOf,
  spread,
  totalsBy,
  type CostRecord,
} from "./costs";

const record = (over: Partial<CostRecord>): CostRecord => ({
  jobArn: "arn:aws:cleanrooms-ml:us-east-1:111122223333:audience-generation-job/a",
  jobName: "a",
  createTime: "2026-11-03T10:00:00.000Z",
  seedKey: "template:t1",
  worker: { type: "CR.1X", number: 16 },
  crpuHours: 1,
  durationMs: 60_000,
  tags: {},
  ...over,
});

describe("CRPU-hours as AWS bills them", () => {
  it("counts 2 CRPUs per CR.1X worker and 8 per CR.4X worker, for the run time", () => {
    expect(crpuHours("CR.1X", 4, 3_600_000)).toBe(8);
    expect(crpuHours("CR.4X", 4, 3_600_000)).toBe(32);
    expect(crpuHours("CR.1X", 16, 90_000)).toBeCloseTo(0.8);
  });
});

describe("the same seed", () => {
  it("is the same template whatever its parameters, or the same query text apart from case and spacing", () => {
    expect(seedKeyOf({ analysisTemplateArn: "arn:t" })).toBe("template:arn:t");
    expect(seedKeyOf({ queryString: "SELECT user_id\n  FROM customers;" })).toBe(
      seedKeyOf({ queryString: "select user_id from customers" }),
    );
    expect(seedKeyOf({ queryString: "  " })).toBeUndefined();
    expect(seedKeyOf(undefined)).toBeUndefined();
  });
});

describe("an estimate from the account's own history", () => {
  it("says nothing (an empty list) when the seed never ran", () => {
    expect(estimateFromHistory([record({})], "template:other")).toEqual([]);
    expect(estimateFromHistory([record({})], undefined)).toEqual([]);
  });

  it("gives each worker configuration's range and median of CRPU-hours and durations, cheapest first", () => {
    const history = [
      record({ crpuHours: 1, durationMs: 60_000 }),
      record({ crpuHours: 3, durationMs: 180_000 }),
      record({ crpuHours: 2, durationMs: 120_000 }),
      record({ worker: { type: "CR.4X", number: 4 }, crpuHours: 0.5, durationMs: undefined }),
      record({ seedKey: "query:select 1", crpuHours: 100 }),
    ];
    expect(estimateFromHistory(history, "template:t1")).toEqual([
      {
        type: "CR.4X",
        number: 4,
        runs: 1,
        crpuHours: { min: 0.5, median: 0.5, max: 0.5 },
        durationMs: undefined,
      },
      {
        type: "CR.1X",
        number: 16,
        runs: 3,
        crpuHours: { min: 1, median: 2, max: 3 },
        durationMs: { min: 60_000, median: 120_000, max: 180_000 },
      },
    ]);
  });

  it("takes the median of an even count as the mean of the middle two", () => {
    expect(spread([4, 1, 3, 2])).toEqual({ min: 1, median: 2.5, max: 4 });
  });
});

describe("totals", () => {
  const history = [
    record({ createTime: "2026-10-31T23:59:00.000Z", crpuHours: 1, tags: { team: "travel" } }),
    record({
      createTime: "2026-11-01T00:00:00.000Z",
      crpuHours: 2,
      tags: { team: "travel", "dashboard:schedule": "weekly-travel" },
    }),
    record({ createTime: "2026-11-20T00:00:00.000Z", crpuHours: 4, tags: { env: "prod" } }),
  ];

  it("by month (UTC), newest first", () => {
    expect(totalsBy(history, "month", "dashboard:schedule")).toEqual([
      { key: "2026-11", runs: 2, crpuHours: 6 },
      { key: "2026-10", runs: 1, crpuHours: 1 },
    ]);
  });

  it("by tag, each run under each of its own tags, our dashboard: tags left out", () => {
    expect(totalsBy(history, "tag", "dashboard:schedule")).toEqual([
      { key: "env=prod", runs: 1, crpuHours: 4 },
      { key: "team=travel", runs: 2, crpuHours: 3 },
    ]);
  });

  it("by schedule, runs not started by a schedule under an empty key", () => {
    expect(totalsBy(history, "schedule", "dashboard:schedule")).toEqual([
      { key: "", runs: 2, crpuHours: 5 },
      { key: "weekly-travel", runs: 1, crpuHours: 2 },
    ]);
  });
});

describe("money", () => {
  it("only at a price someone configured, to the cent", () => {
    const price = parseCrpuPrice({ CRPU_HOUR_PRICE_USD: "0.125" })!;
    expect(price).toEqual({ usdPerCrpuHour: 0.125, source: "CRPU_HOUR_PRICE_USD" });
    expect(formatCost(10, price)).toBe("$1.25");
    expect(formatCost(0.01, price)).toBe("less than $0.01");
    expect(parseCrpuPrice({})).toBeUndefined();
    expect(parseCrpuPrice({ CRPU_HOUR_PRICE_USD: " " })).toBeUndefined();
  });

  it("refuses a price that is not a positive number, naming the variable", () => {
    for (const bad of ["0", "-1", "abc", "1e3", "$0.10"])
      expect(() => parseCrpuPrice({ CRPU_HOUR_PRICE_USD: bad })).toThrow(/CRPU_HOUR_PRICE_USD/);
  });

  it("writes CRPU-hours with enough decimals for a short run", () => {
    expect(formatCrpuHours(0.213)).toBe("0.213 CRPU-hours");
    expect(formatCrpuHours(1)).toBe("1 CRPU-hour");
    expect(formatCrpuHours(1234.56)).toBe("1,234.6 CRPU-hours");
  });
});
