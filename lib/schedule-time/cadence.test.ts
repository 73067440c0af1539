import { describe, expect, it } from "vitest";

import {
  cadenceExpression,
  cadenceFromExpression,
  cadenceInWords,
  type CadenceValues,
} from "./cadence";

const base: CadenceValues = {
  cadence: "DAILY",
  time: "09:30",
  weekdays: [],
  monthDay: "1",
  expression: "",
};

describe("cadence in words to AWS cron", () => {
  it("writes every day, every week on chosen days and every month on a day", () => {
    expect(cadenceExpression(base)).toBe("cron(30 9 * * ? *)");
    expect(cadenceExpression({ ...base, cadence: "WEEKLY", weekdays: ["THU", "MON"] })).toBe(
      "cron(30 9 ? * MON,THU *)",
    );
    expect(cadenceExpression({ ...base, cadence: "MONTHLY", monthDay: "15", time: "00:05" })).toBe(
      "cron(5 0 15 * ? *)",
    );
  });

  it("says the cadence in words", () => {
    expect(cadenceInWords(base)).toBe("Every day at 09:30");
    expect(cadenceInWords({ ...base, cadence: "WEEKLY", weekdays: ["FRI", "MON", "WED"] })).toBe(
      "Every week on Monday, Wednesday and Friday at 09:30",
    );
    expect(cadenceInWords({ ...base, cadence: "MONTHLY", monthDay: "31" })).toBe(
      "Every month on the 31st at 09:30 (months without that day are skipped)",
    );
    expect(cadenceInWords({ ...base, cadence: "MONTHLY", monthDay: "12" })).toBe(
      "Every month on the 12th at 09:30",
    );
  });

  it("has no expression while incomplete", () => {
    expect(cadenceExpression({ ...base, time: "25:00" })).toBeUndefined();
    expect(cadenceExpression({ ...base, cadence: "WEEKLY" })).toBeUndefined();
    expect(cadenceExpression({ ...base, cadence: "MONTHLY", monthDay: "32" })).toBeUndefined();
    expect(cadenceExpression({ ...base, cadence: "EXPRESSION", expression: "  " })).toBeUndefined();
    expect(
      cadenceExpression({ ...base, cadence: "EXPRESSION", expression: " rate(1 hour) " }),
    ).toBe("rate(1 hour)");
  });

  it("reads its own expressions back into words, and anything else as an expression", () => {
    for (const values of [
      base,
      { ...base, cadence: "WEEKLY" as const, weekdays: ["MON" as const, "THU" as const] },
      { ...base, cadence: "MONTHLY" as const, monthDay: "28" },
    ]) {
      const read = cadenceFromExpression(cadenceExpression(values)!);
      expect(cadenceExpression(read)).toBe(cadenceExpression(values));
      expect(read.cadence).toBe(values.cadence);
    }
    expect(cadenceFromExpression("rate(5 minutes)")).toMatchObject({
      cadence: "EXPRESSION",
      expression: "rate(5 minutes)",
    });
    expect(cadenceFromExpression("cron(0 9 ? * 2#1 *)").cadence).toBe("EXPRESSION");
  });
});
