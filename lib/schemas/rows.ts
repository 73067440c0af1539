/**
 * The one rule for every key/value list of the dashboard (the start-job
 * form's tags, SQL parameters and Spark properties, and the job page's tags
 * editor): a row whose key and value are both blank is a row added and not
 * used, so it is ignored, by the request (and so its preview), the checks and
 * the counters alike. A row with only one of the two filled in is checked,
 * row by row, by `checkKeyValueRows`.
 */
import type { z } from "zod";

export interface KeyValueRow {
  key: string;
  value: string;
}

export function isBlankRow(row: KeyValueRow): boolean {
  return row.key.trim() === "" && row.value.trim() === "";
}

/** The rows that count: every row but the blank ones. */
export function filledRows<Row extends KeyValueRow>(rows: readonly Row[]): Row[] {
  return rows.filter((row) => !isBlankRow(row));
}

/**
 * A list's rules, each error beside its row (`[field, i, "key" | "value"]`)
 * or, for too many rows, on the list (`[field]`): each filled row's key and
 * value follow their schemas, keys are unique, and at most `max` rows count.
 */
export function checkKeyValueRows(
  ctx: z.RefinementCtx,
  field: string,
  rows: readonly KeyValueRow[],
  rules: {
    key: z.ZodType<string>;
    value: z.ZodType<string>;
    /** What one row is, in the messages: "tag", "Spark property". */
    noun: string;
    max?: number;
  },
): void {
  const { noun, max } = rules;
  if (max !== undefined && filledRows(rows).length > max) {
    const nouns = noun.endsWith("y") ? `${noun.slice(0, -1)}ies` : `${noun}s`;
    ctx.addIssue({ code: "custom", path: [field], message: `At most ${max} ${nouns} are allowed` });
  }
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (isBlankRow(row)) return;
    const key = rules.key.safeParse(row.key);
    if (!key.success) {
      ctx.addIssue({
        code: "custom",
        path: [field, i, "key"],
        message: key.error.issues[0]!.message,
      });
    } else if (seen.has(row.key)) {
      ctx.addIssue({
        code: "custom",
        path: [field, i, "key"],
        message: `Each ${noun} must have a unique key`,
      });
    }
    seen.add(row.key);
    const value = rules.value.safeParse(row.value);
    if (!value.success) {
      ctx.addIssue({
        code: "custom",
        path: [field, i, "value"],
        message: value.error.issues[0]!.message,
      });
    }
  });
}
