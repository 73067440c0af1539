/**
 * The one rule for every key/value list of the dashboard (the start-job
 * form's tags, SQL parameters and Spark properties, and the job page's tags
 * editor): a row whose key and value are both blank is a row added and not
 * used, so it is ignored, by the request (and so its preview), the checks and
 * the counters alike. A row with only one of the two filled in is checked.
 * Plain data, no zod: the counters import it.
 */
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
