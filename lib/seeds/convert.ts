/**
 * An uploaded file turned into the seed the service reads, as its bytes
 * arrive (lib/seeds/upload.ts): clean JSON lines, `{"user_id":"…"}`, one per
 * unique ID, in the order first seen.
 *
 * - CSV: the IDs are the chosen column (by index, the header row checked
 *   against the name the browser showed); quoted fields, doubled quotes and
 *   CRLF are read as RFC 4180 has them. Rows with no value there are skipped.
 * - JSON lines: each line's `user_id` (a non-empty string or a number); a
 *   line that is not one refuses the file, naming it.
 *
 * Memory is bounded: one field or line at a time (at most
 * {@link FIELD_MAX_CHARS}) and at most {@link SEED_USERS_MAX} IDs for the
 * duplicate check (about 60 MB at most for IDs of a few dozen characters); a
 * file with more unique IDs, or fewer than {@link SEED_USERS_MIN}, is refused,
 * as the service would fail it: the refusal aborts the upload before S3
 * completes the object (lib/seeds/upload.ts), so nothing is written.
 */
import { SEED_USERS_MAX, SEED_USERS_MIN } from "@/lib/schemas/limits";

import { SeedError } from "./errors";
import { CSV_DELIMITERS, type CsvDelimiter } from "./sniff";
import { idKey } from "./tally";

export { CSV_DELIMITERS, type CsvDelimiter };

export type SeedFileFormat =
  | { format: "jsonl" }
  | {
      format: "csv";
      /** The column holding the IDs, from 0. */
      column: number;
      delimiter: CsvDelimiter;
      /** The header's name of the column, when the file has a header row. */
      header?: string;
    };

/** A longer field or line is refused (IDs are a few dozen characters). */
export const FIELD_MAX_CHARS = 64 * 1024;

const refuse = (message: string) => new SeedError("SeedFileRejected", message, 422);

const count = (n: number) => n.toLocaleString("en-US");

export class SeedConverter {
  private readonly ids = new Set<string>();
  private readonly decoder = new TextDecoder("utf-8", { fatal: false });
  rows = 0;
  duplicates = 0;
  skipped = 0;
  bytes = 0;
  private started = false;
  // CSV state
  private fields: string[] = [];
  private field = "";
  private quoted = false;
  private afterQuote = false;
  private pendingCr = false;
  private record = 1;
  // JSON lines state
  private line = "";
  private lineNumber = 0;

  /**
   * `minUniqueIds`: the fewest IDs a file may give, the service's minimum
   * unless a test of the format rules asks for less.
   */
  constructor(
    private readonly spec: SeedFileFormat,
    private readonly minUniqueIds: number = SEED_USERS_MIN,
  ) {}

  /** The JSON lines of the new IDs in this chunk. */
  push(chunk: Uint8Array): string {
    this.bytes += chunk.byteLength;
    if (!this.started && chunk.byteLength > 0) {
      this.started = true;
      if (chunk.subarray(0, 8192).includes(0)) {
        throw refuse("The file is not text (it holds NUL bytes): upload a CSV or JSON lines file.");
      }
    }
    return this.text(this.decoder.decode(chunk, { stream: true }));
  }

  /** The last JSON lines; refuses a file that gave no ID. */
  end(): string {
    let out = this.text(this.decoder.decode());
    if (this.spec.format === "csv") {
      if (this.field !== "" || this.fields.length > 0 || this.quoted) out += this.endRecord();
    } else if (this.line !== "") {
      out += this.jsonLine(this.line);
      this.line = "";
    }
    if (this.bytes === 0) throw refuse("The file is empty.");
    if (this.ids.size === 0) {
      throw refuse(
        this.spec.format === "csv"
          ? "No user IDs: the chosen column is empty in every row."
          : "No user IDs: the file has no lines.",
      );
    }
    // The seed check's rule (lib/seeds/tally.ts): refused here, before S3 completes the object.
    if (this.ids.size < this.minUniqueIds) {
      throw refuse(
        `${count(this.ids.size)} unique user ${this.ids.size === 1 ? "ID" : "IDs"}: a seed needs at least ${count(this.minUniqueIds)}. Nothing was written.`,
      );
    }
    return out;
  }

  get uniqueIds(): number {
    return this.ids.size;
  }

  private text(text: string): string {
    if (text.length > 0 && this.rows === 0 && this.lineNumber === 0 && this.record === 1) {
      text = text.replace(/^\uFEFF/, "");
    }
    return this.spec.format === "csv" ? this.csv(text) : this.jsonLines(text);
  }

  private id(id: string): string {
    // Kept by idKey: the memory held for IDs stays bounded however long each is.
    const key = idKey(id);
    if (this.ids.has(key)) {
      this.duplicates++;
      return "";
    }
    if (this.ids.size >= SEED_USERS_MAX) {
      throw refuse(
        `The file has more than ${count(SEED_USERS_MAX)} unique user IDs; a seed holds at most ${count(SEED_USERS_MAX)}.`,
      );
    }
    this.ids.add(key);
    return `${JSON.stringify({ user_id: id })}\n`;
  }

  private jsonLines(text: string): string {
    let out = "";
    let start = 0;
    for (;;) {
      const newline = text.indexOf("\n", start);
      if (newline < 0) break;
      out += this.jsonLine(this.line + text.slice(start, newline));
      this.line = "";
      start = newline + 1;
    }
    this.line += text.slice(start);
    if (this.line.length > FIELD_MAX_CHARS) {
      throw refuse(
        `Line ${count(this.lineNumber + 1)} is longer than ${count(FIELD_MAX_CHARS)} characters.`,
      );
    }
    return out;
  }

  private jsonLine(line: string): string {
    this.lineNumber++;
    if (line.trim() === "") {
      this.skipped++;
      return "";
    }
    this.rows++;
    let record: unknown;
    try {
      record = JSON.parse(line);
    } catch {
      throw refuse(
        `Line ${count(this.lineNumber)} is not valid JSON: a JSON lines file has one object like {"user_id": "…"} per line. For a CSV, name the file .csv.`,
      );
    }
    const id =
      typeof record === "object" && record !== null && !Array.isArray(record)
        ? (record as { user_id?: unknown }).user_id
        : undefined;
    if (typeof id === "string" && id.trim() !== "") return this.id(id);
    if (typeof id === "number" && Number.isFinite(id)) return this.id(String(id));
    throw refuse(`Line ${count(this.lineNumber)} has no user_id.`);
  }

  private csv(text: string): string {
    if (this.spec.format !== "csv") return "";
    const delimiter = this.spec.delimiter;
    let out = "";
    for (let i = 0; i < text.length; i++) {
      const c = text[i]!;
      if (this.pendingCr) {
        this.pendingCr = false;
        if (c === "\n") continue;
      }
      if (this.quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            this.field += '"';
            i++;
          } else if (i + 1 === text.length) {
            // A quote at the chunk's end: the next chunk says whether it was doubled.
            this.quoted = false;
            this.afterQuote = true;
          } else {
            this.quoted = false;
          }
        } else {
          this.field += c;
        }
      } else if (this.afterQuote && c === '"') {
        // The second of a doubled quote split across chunks.
        this.afterQuote = false;
        this.quoted = true;
        this.field += '"';
      } else if (c === '"' && this.field === "") {
        this.afterQuote = false;
        this.quoted = true;
      } else if (c === delimiter) {
        this.afterQuote = false;
        this.fields.push(this.field);
        this.field = "";
      } else if (c === "\n" || c === "\r") {
        this.afterQuote = false;
        if (c === "\r") this.pendingCr = true;
        out += this.endRecord();
      } else {
        this.afterQuote = false;
        this.field += c;
      }
      if (this.field.length > FIELD_MAX_CHARS) {
        throw refuse(
          `Row ${count(this.record)} has a field longer than ${count(FIELD_MAX_CHARS)} characters.`,
        );
      }
    }
    return out;
  }

  private endRecord(): string {
    if (this.spec.format !== "csv") return "";
    const fields = [...this.fields, this.field];
    this.fields = [];
    this.field = "";
    this.quoted = false;
    const record = this.record++;
    if (record === 1 && this.spec.header !== undefined) {
      const name = fields[this.spec.column]?.trim();
      if (name !== this.spec.header.trim()) {
        throw refuse(
          name === undefined
            ? `The header row has no column ${this.spec.column + 1} ("${this.spec.header}").`
            : `Column ${this.spec.column + 1} of the header row is "${name}", not "${this.spec.header}": choose the column again.`,
        );
      }
      return "";
    }
    if (fields.length === 1 && fields[0] === "") return ""; // a blank line
    this.rows++;
    const value = fields[this.spec.column]?.trim();
    if (value === undefined || value === "") {
      this.skipped++;
      return "";
    }
    return this.id(value);
  }
}
