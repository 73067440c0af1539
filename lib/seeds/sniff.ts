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

const ID_HEADER = /^(user[ _-]?id|customer[ _-]?id|id|email|e-mail|uid)$/i;
const looksLikeData = (field: string) => /^[\d\s.+-]+$/.test(field) || /@/.test(field);

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
    (rows.length < 2 ||
      rows.slice(1).some((r) => r.some(looksLikeData)) ||
      first.some((f) => ID_HEADER.test(f.trim())));
  const named = hasHeader ? first.findIndex((f) => ID_HEADER.test(f.trim())) : -1;
  return { format: "csv", delimiter, rows, hasHeader, column: Math.max(0, named) };
}
