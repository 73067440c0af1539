/** The protocol's pure helpers: timestamps, error type names, excerpts, query strings. */
import { describe, expect, it } from "vitest";

import { escapeUri, excerpt, formatQuery, sanitizeErrorType } from "./protocol";
import { list, map, parseTimestamp, readShape, structure, timestamp, value } from "./schema";

describe("parseTimestamp", () => {
  it.each([
    ["2024-03-01T10:00:00Z", Date.UTC(2024, 2, 1, 10)],
    ["2024-03-01T10:00:00.123Z", Date.UTC(2024, 2, 1, 10, 0, 0, 123)],
    ["2024-03-01T12:00:00+02:00", Date.UTC(2024, 2, 1, 10)],
    [1709287200, Date.UTC(2024, 2, 1, 10)],
    [1709287200.5, Date.UTC(2024, 2, 1, 10, 0, 0, 500)],
    ["1709287200", Date.UTC(2024, 2, 1, 10)],
  ])("reads %j", (raw, expected) => {
    expect(parseTimestamp(raw).getTime()).toBe(expected);
  });

  it.each(["yesterday", "", true, {}])("refuses %j", (raw) => {
    expect(() => parseTimestamp(raw, "GetAudienceGenerationJob.createTime")).toThrow(/createTime/);
  });
});

describe("readShape", () => {
  const schema = structure({
    when: timestamp,
    tags: map(value),
    items: list(structure({ at: timestamp, id: value })),
  });

  it("keeps known members, drops unknown ones and nulls, converts nested timestamps", () => {
    expect(
      readShape(
        schema,
        {
          when: "2024-01-01T00:00:00Z",
          tags: { a: "1", b: null },
          items: [{ at: 0, id: "x", junk: 1 }],
          extra: 2,
          none: null,
        },
        "T",
      ),
    ).toEqual({
      when: new Date(Date.UTC(2024, 0, 1)),
      tags: { a: "1" },
      items: [{ at: new Date(0), id: "x" }],
    });
  });

  it("keeps a map key named __proto__ as data", () => {
    const read = readShape(map(value), JSON.parse('{"__proto__": "x", "a": "1"}'), "T") as Record<
      string,
      unknown
    >;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.keys(read)).toEqual(["__proto__", "a"]);
  });
});

describe("sanitizeErrorType", () => {
  it.each([
    ["ValidationException", "ValidationException"],
    [
      "ValidationException:http://internal.amazon.com/coral/com.amazon.coral.validate/",
      "ValidationException",
    ],
    ["com.amazonaws.cleanroomsml#ConflictException", "ConflictException"],
    [
      "aws.protocoltests.restjson#FooError:http://internal.amazon.com/coral/com.amazon.coral.validate/",
      "FooError",
    ],
    ["ThrottlingException,Other", "ThrottlingException"],
  ])("%s → %s", (raw, expected) => {
    expect(sanitizeErrorType(raw)).toBe(expected);
  });
});

describe("excerpt", () => {
  it("prefers an HTML title and shortens long text", () => {
    expect(excerpt("<html><title> Gateway\n Timeout </title><body>x</body></html>")).toBe(
      '"Gateway Timeout"',
    );
    expect(excerpt("a".repeat(500), 10)).toBe(`"${"a".repeat(10)}…"`);
  });
});

describe("query strings", () => {
  it("percent-encodes per RFC 3986 and repeats list parameters", () => {
    expect(escapeUri("a:b/c d!*'()")).toBe("a%3Ab%2Fc%20d%21%2A%27%28%29");
    expect(formatQuery({ tagKeys: ["a", "b c"], maxResults: "5" })).toBe(
      "?tagKeys=a&tagKeys=b%20c&maxResults=5",
    );
    expect(formatQuery({})).toBe("");
  });
});
