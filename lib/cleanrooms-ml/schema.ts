/**
 * A small description language for response shapes, and the one reader that
 * walks a parsed JSON body with it: known members are kept, unknown members
 * dropped, timestamps turned into `Date`, missing members left out.
 */

export type Schema =
  | { readonly kind: "value" }
  | { readonly kind: "timestamp" }
  | { readonly kind: "list"; readonly member: Schema }
  | { readonly kind: "map"; readonly value: Schema }
  | { readonly kind: "structure"; readonly members: Readonly<Record<string, Schema>> };

export type StructureSchema = Extract<Schema, { kind: "structure" }>;

/** A string, number or boolean, passed through as the service sent it. */
export const value: Schema = { kind: "value" };
export const timestamp: Schema = { kind: "timestamp" };
export const list = (member: Schema): Schema => ({ kind: "list", member });
export const map = (valueSchema: Schema): Schema => ({ kind: "map", value: valueSchema });
export const structure = (members: Record<string, Schema>): StructureSchema => ({
  kind: "structure",
  members,
});

/**
 * Turns a wire timestamp into a `Date`: an ISO 8601 string (what the service
 * sends) or epoch seconds, as a number or a numeric string.
 */
export function parseTimestamp(raw: unknown, where = "timestamp"): Date {
  let date: Date | undefined;
  if (typeof raw === "number") {
    date = new Date(raw * 1000);
  } else if (typeof raw === "string") {
    const trimmed = raw.trim();
    date = /^-?\d+(\.\d+)?$/.test(trimmed) ? new Date(Number(trimmed) * 1000) : new Date(trimmed);
  }
  if (date === undefined || Number.isNaN(date.getTime())) {
    throw new TypeError(`Cannot read ${where} as a timestamp: ${JSON.stringify(raw)}`);
  }
  return date;
}

/** Reads `raw` as described by `schema`; `where` names the member in error messages. */
export function readShape(schema: Schema, raw: unknown, where: string): unknown {
  if (raw === null || raw === undefined) return undefined;
  switch (schema.kind) {
    case "value":
      return raw;
    case "timestamp":
      return parseTimestamp(raw, where);
    case "list":
      if (!Array.isArray(raw)) return undefined;
      return raw.map((item, index) => readShape(schema.member, item, `${where}[${index}]`));
    case "map": {
      if (!isPlainObject(raw)) return undefined;
      // fromEntries defines own properties, so a key such as "__proto__" stays data.
      const entries = Object.entries(raw).map(([key, item]) => [
        key,
        readShape(schema.value, item, `${where}.${key}`),
      ]);
      return Object.fromEntries(entries.filter(([, read]) => read !== undefined));
    }
    case "structure": {
      if (!isPlainObject(raw)) return undefined;
      const out: Record<string, unknown> = {};
      for (const [member, memberSchema] of Object.entries(schema.members)) {
        const read = readShape(memberSchema, raw[member], `${where}.${member}`);
        if (read !== undefined) out[member] = read;
      }
      return out;
    }
  }
}

export function isPlainObject(raw: unknown): raw is Record<string, unknown> {
  return typeof raw === "object" && raw !== null && !Array.isArray(raw);
}
