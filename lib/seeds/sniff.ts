/**
 * What the browser learns from the first bytes of a file before uploading it
 * (components/start-job-form/seed-upload.tsx): JSON lines or CSV, the CSV's
 * delimiter, whether its first row is a header, its first rows for the
 * preview, and the column most likely to hold user IDs. The server checks
 * the whole file again as it streams (lib/seeds/convert.ts).
 */
/** The CSV delimiters recognised (and the only ones the upload route takes). */
export const CSV_DELIMITERS = [",", ";", "\t", "|"] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export interface SniffedFile {
  format: "jsonl" | "csv" | "binary";
  delimiter: CsvDelimiter;
  /** The first rows (CSV) as fields; the header row first when there is one. */
  rows: string[][];
  hasHeader: boolean;
  /** The column to offer first. */
  column: number;
}

/** Splits CSV text into rows of fields (quotes, doubled quotes, CRLF); a last partial row is dropped when `partial`. */
export function parseCsvRows(text: string, delimiter: string, maxRows: number, partial: boolean) {
  const rows: string[][] = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let i = 0;
  for (; i < text.length && rows.length < maxRows; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === "") quoted = true;
    else if (c === delimiter) {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      fields.push(field);
      if (!(fields.length === 1 && fields[0] === "")) rows.push(fields);
      fields = [];
      field = "";
    } else field += c;
  }
  if (!partial && rows.length < maxRows && (field !== "" || fields.length > 0)) {
    rows.push([...fields, field]);
  }
  return rows;
}

/** Header names that say "user ID", best first: the exact names, then any `*_id` / `*Id`, then an email. */
const ID_HEADERS = [
  /^(user|customer|member|client|person)[ _-]?id$/i,
  /^(id|uid)$/i,
  /^.+([ _-][iI][dD]|[a-z]Id|ID)$/,
  /^(email|e-mail)$/i,
];
const isIdHeader = (field: string) => ID_HEADERS.some((pattern) => pattern.test(field.trim()));
const looksLikeData = (field: string) => /^[\d\s.+-]+$/.test(field) || /@/.test(field);

/**
 * The column that looks most like user IDs: by the header's names when there
 * is a header (see {@link ID_HEADERS}), else the first column whose values
 * are all present, distinct and single tokens; the first column otherwise.
 */
export function idColumn(rows: string[][], hasHeader: boolean): number {
  const first = rows[0] ?? [];
  if (hasHeader) {
    for (const pattern of ID_HEADERS) {
      const i = first.findIndex((f) => pattern.test(f.trim()));
      if (i >= 0) return i;
    }
  }
  const data = hasHeader ? rows.slice(1) : rows;
  const columns = Math.max(0, ...data.map((r) => r.length));
  for (let i = 0; i < columns; i++) {
    const values = data.map((r) => r[i]?.trim() ?? "");
    if (
      values.length > 0 &&
      values.every((v) => /^[\w.@+-]+$/.test(v)) &&
      new Set(values).size === values.length &&
      // A column of small counts or prices is not an ID column.
      !values.every((v) => /^\d{1,3}(\.\d+)?$/.test(v))
    )
      return i;
  }
  return 0;
}

export function sniffFile(head: string, complete: boolean): SniffedFile {
  const text = head.replace(/^\uFEFF/, "");
  if (text.slice(0, 8192).includes("\u0000")) {
    return { format: "binary", delimiter: ",", rows: [], hasHeader: false, column: 0 };
  }
  const firstLine = text.split(/\r?\n/).find((l) => l.trim() !== "") ?? "";
  if (firstLine.trim().startsWith("{")) {
    return { format: "jsonl", delimiter: ",", rows: [], hasHeader: false, column: 0 };
  }
  const delimiter = [...CSV_DELIMITERS].sort(
    (a, b) => firstLine.split(b).length - firstLine.split(a).length,
  )[0]!;
  const rows = parseCsvRows(text, delimiter, 6, !complete);
  const first = rows[0] ?? [];
  // A header names its columns: no field of it reads as data, and some later row's does.
  const hasHeader =
    first.length > 0 &&
    first.every((f) => f.trim() !== "" && !looksLikeData(f)) &&
    (rows.length < 2 || rows.slice(1).some((r) => r.some(looksLikeData)) || first.some(isIdHeader));
  return { format: "csv", delimiter, rows, hasHeader, column: idColumn(rows, hasHeader) };
}
