/**
 * Reading a seed audience: a JSON lines file (or folder of files) under the
 * data folder's `s3/`, or a read-only SQL query against the seed owner's
 * database. Failures carry a stable statusCode and a message saying why.
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

export type SeedSpec =
  | { kind: "s3"; s3Uri: string }
  /** A query string, or an analysis template's SQL with its parameters resolved. */
  | { kind: "sql"; queryString: string; parameters: Record<string, string> };

export const SEED_FAILURE_CODES = [
  "SEED_LOCATION_INVALID",
  "SEED_FILE_NOT_FOUND",
  "SEED_FILE_NOT_JSON_LINES",
  "SEED_FILE_MISSING_USER_ID",
  "SEED_TOO_FEW_USERS",
  "SEED_TOO_MANY_USERS",
  "SQL_QUERY_FAILED",
  "SQL_NO_USER_ID_COLUMN",
  "SQL_QUERY_TOO_EXPENSIVE",
] as const;
export type SeedFailureCode = (typeof SEED_FAILURE_CODES)[number];

export type SeedResult =
  { ok: true; userIds: string[] } | { ok: false; statusCode: SeedFailureCode; message: string };

/** The documented seed size rule (SEED_USERS_MIN/MAX of lib/schemas), passed in so the worker loads no schemas. */
export interface SeedLimits {
  min: number;
  max: number;
}

export interface SeedPaths {
  /** The folder standing in for S3: `s3://bucket/key` is `<s3Root>/bucket/key`. */
  s3Root: string;
  /** The seed owner's SQLite database that SQL seeds query. */
  seedDatabase: string;
}

/** Files larger than this are refused rather than read into memory. */
const MAX_SEED_BYTES = 256 * 1024 * 1024;

/** The common line shape, read without JSON.parse; anything else goes through JSON.parse. */
const SIMPLE_LINE = /^\s*\{\s*"user_id"\s*:\s*"([^"\\\u0000-\u001f]+)"\s*\}\s*$/;

const fail = (statusCode: SeedFailureCode, message: string): SeedResult => ({
  ok: false,
  statusCode,
  message,
});

export function readSeed(spec: SeedSpec, paths: SeedPaths, limits: SeedLimits): SeedResult {
  return spec.kind === "s3"
    ? readS3Seed(spec.s3Uri, paths.s3Root, limits)
    : readSqlSeed(spec, paths.seedDatabase, limits);
}

const S3_URI = /^s3:\/\/([a-z0-9][a-z0-9.-]{1,61}[a-z0-9])\/(.+)$/;

/** The local path of an S3 URI, or undefined when it is not one or escapes the S3 folder. */
export function s3PathOf(s3Uri: string, s3Root: string): string | undefined {
  const match = S3_URI.exec(s3Uri);
  if (!match) return undefined;
  const root = path.resolve(s3Root);
  const resolved = path.resolve(root, match[1] as string, match[2] as string);
  return resolved.startsWith(root + path.sep) ? resolved : undefined;
}

function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
}

function readS3Seed(s3Uri: string, s3Root: string, limits: SeedLimits): SeedResult {
  const local = s3PathOf(s3Uri, s3Root);
  if (!local) {
    return fail(
      "SEED_LOCATION_INVALID",
      `${s3Uri} is not an S3 location of the form s3://bucket/key.`,
    );
  }
  let files: string[];
  try {
    files = fs.statSync(local).isDirectory() ? filesUnder(local) : [local];
  } catch {
    return fail("SEED_FILE_NOT_FOUND", `No seed file at ${s3Uri}.`);
  }
  if (files.length === 0) return fail("SEED_FILE_NOT_FOUND", `No seed files under ${s3Uri}.`);

  const ids = new Set<string>();
  for (const file of files) {
    const name = files.length === 1 ? s3Uri : `${s3Uri} (${path.relative(local, file)})`;
    if (fs.statSync(file).size > MAX_SEED_BYTES) {
      return fail(
        "SEED_TOO_MANY_USERS",
        `${name} is larger than ${MAX_SEED_BYTES / 1024 / 1024} MiB.`,
      );
    }
    const text = fs.readFileSync(file, "utf8");
    let lineNumber = 0;
    for (const line of text.split("\n")) {
      lineNumber++;
      const simple = SIMPLE_LINE.exec(line);
      if (simple) {
        ids.add(simple[1] as string);
        if (ids.size > limits.max) return tooMany(limits);
        continue;
      }
      if (line.trim() === "") continue;
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch {
        return fail(
          "SEED_FILE_NOT_JSON_LINES",
          `${name} is not JSON lines: line ${lineNumber} is not valid JSON (each line must be like {"user_id": "…"}).`,
        );
      }
      const userId =
        typeof record === "object" && record !== null
          ? (record as { user_id?: unknown }).user_id
          : undefined;
      if (
        (typeof userId !== "string" || userId === "") &&
        !(typeof userId === "number" && Number.isFinite(userId))
      ) {
        return fail(
          "SEED_FILE_MISSING_USER_ID",
          `${name} line ${lineNumber} has no user_id (each line must be like {"user_id": "…"}).`,
        );
      }
      ids.add(String(userId));
      if (ids.size > limits.max) return tooMany(limits);
    }
  }
  return checkCount(ids, limits);
}

function tooMany(limits: SeedLimits): SeedResult {
  const max = limits.max.toLocaleString("en-US");
  return fail(
    "SEED_TOO_MANY_USERS",
    `The seed audience has more than ${max} unique user IDs; at most ${max} are allowed.`,
  );
}

function checkCount(ids: Set<string>, limits: SeedLimits): SeedResult {
  if (ids.size < limits.min) {
    return fail(
      "SEED_TOO_FEW_USERS",
      `The seed audience has ${ids.size} unique user IDs; at least ${limits.min} are required.`,
    );
  }
  if (ids.size > limits.max) return tooMany(limits);
  return { ok: true, userIds: [...ids] };
}

/**
 * The most rows a SQL seed may read from the seed owner's tables plus return,
 * as a multiple of the largest seed (SEED_USERS_MAX): a query that needs more
 * is not picking a seed audience (a self-join, a runaway recursion) and would
 * hold the compute worker for everyone else. Beyond it the job fails with
 * SQL_QUERY_TOO_EXPENSIVE.
 */
export const SQL_SCAN_FACTOR = 4;

class ScanLimitReached extends Error {}

/**
 * A connection whose tables are the seed owner's, read through counting
 * virtual tables: every row SQLite reads from them (each pass of a join or a
 * recursion included) counts against `budget`. SQLite offers no step counter
 * through better-sqlite3, so the rows are counted where they come from.
 */
function countingConnection(seedDatabase: string, budget: { left: number }): Database.Database {
  const source = new Database(seedDatabase, { readonly: true, fileMustExist: true });
  const tables = source
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const columnsOf = new Map(
    tables.map((t) => [
      t,
      source.prepare(`SELECT name FROM pragma_table_info(?)`).pluck().all(t) as string[],
    ]),
  );
  source.close();
  const sandbox = new Database(":memory:");
  keepTemporaryStorageInMemory(sandbox);
  for (const table of tables) {
    const columns = columnsOf.get(table)!;
    const quoted = (n: string) => `"${n.replace(/"/g, '""')}"`;
    const select = `SELECT ${columns.map(quoted).join(", ")} FROM ${quoted(table)}`;
    sandbox.table(table, {
      columns,
      *rows() {
        // One connection per pass: better-sqlite3 runs one open iterator per connection.
        const reader = new Database(seedDatabase, { readonly: true, fileMustExist: true });
        try {
          for (const row of reader.prepare(select).raw().iterate() as Iterable<unknown[]>) {
            if (--budget.left < 0) throw new ScanLimitReached();
            yield row as never;
          }
        } finally {
          reader.close();
        }
      },
    });
  }
  return sandbox;
}

/**
 * SQLite's temporary storage (the tables behind UNION, DISTINCT, ORDER BY) in
 * memory rather than in deleted files nobody can see: the compute process's
 * memory limit (pool.ts) then bounds it, and it is gone with the process.
 */
function keepTemporaryStorageInMemory(db: Database.Database): void {
  db.pragma("temp_store = MEMORY");
}

function readSqlSeed(
  spec: Extract<SeedSpec, { kind: "sql" }>,
  seedDatabase: string,
  limits: SeedLimits,
): SeedResult {
  const maxRows = limits.max * SQL_SCAN_FACTOR;
  const budget = { left: maxRows };
  let db: Database.Database | undefined;
  try {
    // What the query is, checked against the seed owner's own tables (read-only)…
    db = new Database(seedDatabase, { readonly: true, fileMustExist: true });
    keepTemporaryStorageInMemory(db);
    const checked = db.prepare(spec.queryString);
    if (!checked.reader) {
      return fail("SQL_QUERY_FAILED", "The SQL query must be a single SELECT that returns rows.");
    }
    const columns = checked.columns();
    db.close();
    // …then run where every row it reads is counted.
    db = countingConnection(seedDatabase, budget);
    const statement = db.prepare(spec.queryString);
    const column = columns.find((c) => c.name.toLowerCase() === "user_id");
    if (!column) {
      const names = columns.map((c) => c.name);
      return fail(
        "SQL_NO_USER_ID_COLUMN",
        `The SQL query returns no user_id column (it returns: ${names.join(", ") || "no columns"}).`,
      );
    }
    const ids = new Set<string>();
    for (const row of statement.iterate(spec.parameters) as Iterable<Record<string, unknown>>) {
      // Rows returned count too: a recursion can make rows without reading a table.
      if (--budget.left < 0) throw new ScanLimitReached();
      const value = row[column.name];
      if (value === null || value === undefined || value === "") continue;
      ids.add(String(value));
      if (ids.size > limits.max) return tooMany(limits);
    }
    return checkCount(ids, limits);
  } catch (error) {
    if (error instanceof ScanLimitReached) {
      return fail(
        "SQL_QUERY_TOO_EXPENSIVE",
        `The SQL query read or returned more than ${maxRows.toLocaleString("en-US")} rows (${SQL_SCAN_FACTOR} times the ${limits.max.toLocaleString("en-US")}-user seed maximum), so it was stopped. Select the seed users directly, without self-joins or recursion.`,
      );
    }
    return fail(
      "SQL_QUERY_FAILED",
      `The SQL query failed: ${error instanceof Error ? error.message : String(error)}`,
    );
  } finally {
    db?.close();
  }
}
