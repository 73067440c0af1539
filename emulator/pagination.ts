/**
 * List pages by position in the table (newest or oldest first): a nextToken
 * names the last row served, so rows added between pages never repeat one.
 */
import { MAX_RESULTS_MAX } from "../lib/schemas/api";
import { validationError } from "./http";

/** Rows per page when the request sets no maxResults: the most it may ask for. */
export const DEFAULT_PAGE_SIZE = MAX_RESULTS_MAX;

export function encodeToken(list: string, seq: number): string {
  return Buffer.from(JSON.stringify({ l: list, s: seq })).toString("base64url");
}

/** The row position a token stands for; a 400 when it is not one of this list's tokens. */
export function decodeToken(list: string, token: string | undefined): number | undefined {
  if (token === undefined) return undefined;
  try {
    const value = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as {
      l?: unknown;
      s?: unknown;
    };
    if (value.l === list && typeof value.s === "number" && Number.isSafeInteger(value.s))
      return value.s;
  } catch {
    // fall through
  }
  throw validationError("nextToken: is not a token this list returned");
}

/** Splits `limit + 1` fetched rows into a page and the token of the next one. */
export function page<T extends { seq: number }>(list: string, rows: T[], limit: number) {
  const items = rows.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items,
    nextToken: rows.length > limit && last ? encodeToken(list, last.seq) : undefined,
  };
}
