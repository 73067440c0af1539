/**
 * The preflight's count of a seed, fed bytes as they arrive (lib/seeds/preflight.ts):
 * lines, unique `user_id`s, duplicates, blank and malformed lines, by the
 * rules the service reads a seed with (emulator/lookalike/seed.ts): JSON
 * lines, each an object with a non-empty string or numeric `user_id`; blank
 * lines are skipped; 25 to 500,000 unique IDs.
 *
 * Memory stays bounded whatever the input: one line is held at a time (a
 * line over {@link LINE_MAX_BYTES} is malformed and skipped, not held), and
 * at most {@link SEED_USERS_MAX} + 1 IDs are kept, each in at most
 * {@link ID_KEPT_MAX_CHARS} characters ({@link idKey}): about 40 MB at most,
 * however long the IDs. Beyond that the seed is over the maximum anyway.
 */
import { createHash } from "node:crypto";

import { SEED_USERS_MAX, SEED_USERS_MIN } from "@/lib/schemas/limits";

/** IDs up to this many characters are kept as they are; longer ones by a digest. */
export const ID_KEPT_MAX_CHARS = 32;

/**
 * How an ID is kept to tell duplicates apart: itself when short (the common
 * case), else a 128-bit digest (22 characters, after a NUL no real ID starts
 * with), so the memory held for 500,000 IDs is bounded (about 40 MB) however
 * long each ID is; two different IDs share a digest with odds of about 2^-100.
 */
export function idKey(id: string): string {
  if (id.length <= ID_KEPT_MAX_CHARS) return id;
  return `\u0000${createHash("sha256").update(id).digest("base64url").slice(0, 22)}`;
}

/** A longer line is malformed (the service's lines are a few dozen bytes). */
export const LINE_MAX_BYTES = 64 * 1024;
/** How many malformed lines are described; the rest are counted. */
export const MALFORMED_SHOWN = 5;

export interface MalformedLine {
  /** The object's key, for a folder of several. */
  key?: string;
  line: number;
  problem: string;
}

export interface SeedCounts {
  /** Non-empty lines and blank lines alike. */
  lines: number;
  /** Unique user IDs, counted up to SEED_USERS_MAX + 1 (see {@link SeedCounts.uniqueOverMax}). */
  uniqueIds: number;
  /** True when there are more than SEED_USERS_MAX unique IDs (counting stopped there). */
  uniqueOverMax: boolean;
  /** Lines whose ID was seen before (only IDs within the counted ones, once over the maximum). */
  duplicates: number;
  blankLines: number;
  malformedLines: number;
  /** The first few malformed lines, with what is wrong. */
  malformed: MalformedLine[];
  /** The first line is not JSON but reads as CSV (a delimited row): a CSV given where JSON lines are expected. */
  looksLikeCsv?: boolean;
}

/** A line that is a CSV row rather than JSON: not an object or array, with a delimiter or a single bare value. */
export function looksLikeCsvRow(text: string): boolean {
  const line = text.trim();
  if (line === "" || line.startsWith("{") || line.startsWith("[")) return false;
  return /[,;\t|]/.test(line) || /^[\w.@+-]+$/.test(line);
}

/** The common line shape, read without JSON.parse (as the service's reader does). */
const SIMPLE_LINE = /^\s*\{\s*"user_id"\s*:\s*"([^"\\\u0000-\u001f]+)"\s*\}\s*$/;

export class SeedTally {
  private readonly ids = new Set<string>();
  private counts: SeedCounts = {
    lines: 0,
    uniqueIds: 0,
    uniqueOverMax: false,
    duplicates: 0,
    blankLines: 0,
    malformedLines: 0,
    malformed: [],
  };
  private key: string | undefined;
  private lineNumber = 0;
  private carry: Buffer[] = [];
  private carryBytes = 0;
  private carryTooLong = false;
  private firstBytes = true;

  /** Starts an object of a folder: line numbers restart, as the service reports them per file. */
  beginObject(key: string | undefined): void {
    this.endObject();
    this.key = key;
    this.lineNumber = 0;
    this.firstBytes = true;
  }

  push(chunk: Uint8Array): void {
    let buffer = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    if (this.firstBytes && buffer.length > 0) {
      this.firstBytes = false;
      // A UTF-8 byte order mark is not part of the first line.
      if (buffer[0] === 0xef && buffer[1] === 0xbb && buffer[2] === 0xbf)
        buffer = buffer.subarray(3);
    }
    let start = 0;
    for (;;) {
      const newline = buffer.indexOf(0x0a, start);
      if (newline < 0) break;
      const piece = buffer.subarray(start, newline);
      if (this.carryBytes > 0 || this.carryTooLong) {
        this.hold(piece);
        this.lineEnded();
      } else {
        this.line(piece, false);
      }
      start = newline + 1;
    }
    if (start < buffer.length) this.hold(buffer.subarray(start));
  }

  /** Ends the current object: a last line without a newline counts too. */
  endObject(): void {
    if (this.carryBytes > 0 || this.carryTooLong) this.lineEnded();
  }

  result(): SeedCounts {
    this.endObject();
    return { ...this.counts, uniqueIds: this.ids.size, malformed: [...this.counts.malformed] };
  }

  private hold(piece: Buffer) {
    if (this.carryTooLong) return;
    if (this.carryBytes + piece.length > LINE_MAX_BYTES) {
      this.carryTooLong = true;
      this.carry = [];
      this.carryBytes = 0;
      return;
    }
    // Copied: the chunk it came from is not kept.
    this.carry.push(Buffer.from(piece));
    this.carryBytes += piece.length;
  }

  private lineEnded() {
    const tooLong = this.carryTooLong;
    const bytes = Buffer.concat(this.carry, this.carryBytes);
    this.carry = [];
    this.carryBytes = 0;
    this.carryTooLong = false;
    this.line(bytes, tooLong);
  }

  private line(bytes: Buffer, tooLong: boolean) {
    const counts = this.counts;
    counts.lines++;
    this.lineNumber++;
    if (tooLong || bytes.length > LINE_MAX_BYTES) {
      this.malformedLine(`is longer than ${LINE_MAX_BYTES.toLocaleString("en-US")} bytes`);
      return;
    }
    // Decoded line by line: an ID kept in the set then holds on to its line at most, never to a chunk.
    const text = bytes.toString("utf8");
    const simple = SIMPLE_LINE.exec(text);
    if (simple) {
      this.id(simple[1]!);
      return;
    }
    if (text.trim() === "") {
      counts.blankLines++;
      return;
    }
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch {
      if (this.counts.lines === 1 && looksLikeCsvRow(text)) this.counts.looksLikeCsv = true;
      this.malformedLine("is not valid JSON");
      return;
    }
    const userId =
      typeof record === "object" && record !== null && !Array.isArray(record)
        ? (record as { user_id?: unknown }).user_id
        : undefined;
    if (this.counts.lines === 1 && (typeof record === "number" || typeof record === "string"))
      this.counts.looksLikeCsv = true; // a bare value: a one-column CSV of IDs
    if (typeof userId === "string" && userId !== "") this.id(userId);
    else if (typeof userId === "number" && Number.isFinite(userId)) this.id(String(userId));
    else this.malformedLine("has no user_id");
  }

  /** Characters held for IDs, for the memory bound's test. */
  get heldIdChars(): number {
    let chars = 0;
    for (const id of this.ids) chars += id.length;
    return chars;
  }

  private id(raw: string) {
    const id = idKey(raw);
    if (this.ids.has(id)) {
      this.counts.duplicates++;
      return;
    }
    if (this.ids.size > SEED_USERS_MAX) {
      this.counts.uniqueOverMax = true;
      return;
    }
    this.ids.add(id);
    if (this.ids.size > SEED_USERS_MAX) this.counts.uniqueOverMax = true;
  }

  private malformedLine(problem: string) {
    this.counts.malformedLines++;
    if (this.counts.malformed.length < MALFORMED_SHOWN) {
      this.counts.malformed.push({
        ...(this.key === undefined ? {} : { key: this.key }),
        line: this.lineNumber,
        problem,
      });
    }
  }
}

/** The service's seed rules this seed breaks, in plain words (empty when it keeps them all). */
export function seedProblems(counts: SeedCounts): string[] {
  const problems: string[] = [];
  const count = (n: number) => n.toLocaleString("en-US");
  if (counts.looksLikeCsv) {
    problems.push(
      "This looks like CSV, not JSON lines: upload it with Upload a file to convert it (you choose the ID column).",
    );
  }
  if (counts.malformedLines > 0) {
    const first = counts.malformed[0]!;
    problems.push(
      `${count(counts.malformedLines)} malformed ${counts.malformedLines === 1 ? "line" : "lines"}: the service fails the job at the first (${first.key ? `${first.key}, ` : ""}line ${count(first.line)}).`,
    );
  }
  if (counts.uniqueOverMax) {
    problems.push(
      `More than ${count(SEED_USERS_MAX)} unique user IDs: at most ${count(SEED_USERS_MAX)} are allowed.`,
    );
  } else if (counts.uniqueIds < SEED_USERS_MIN) {
    problems.push(
      `${count(counts.uniqueIds)} unique user ${counts.uniqueIds === 1 ? "ID" : "IDs"}: at least ${count(SEED_USERS_MIN)} are required.`,
    );
  }
  return problems;
}
