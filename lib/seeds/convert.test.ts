import fc from "fast-check";
import { describe, expect, it } from "vitest";

import { SeedConverter, type SeedFileFormat } from "./convert";
import { SeedTally } from "./tally";

const bytes = (text: string) => new TextEncoder().encode(text);

/** Runs a file through the converter in the given chunk sizes, returning the JSON lines it writes. */
function convert(spec: SeedFileFormat, text: string, cuts: number[] = []): string {
  const data = bytes(text);
  // The format rules on small files: the service's minimum of IDs has its own test below.
  const converter = new SeedConverter(spec, 1);
  let out = "";
  let at = 0;
  for (const cut of [...cuts.filter((c) => c > 0 && c < data.length)].sort((a, b) => a - b)) {
    out += converter.push(data.subarray(at, cut));
    at = cut;
  }
  out += converter.push(data.subarray(at));
  return out + converter.end();
}

const CSV = '\uFEFFname,id\r\n"Smith, ""Ann""",é1\r\n"multi\nline",b2\r\nx,é1\r\n,\r\ny,"c,3"';

describe("SeedConverter", () => {
  it("reads quoted CSV fields, doubled quotes, CRLF, a BOM and multi-byte characters", () => {
    expect(convert({ format: "csv", column: 1, delimiter: ",", header: "id" }, CSV)).toBe(
      '{"user_id":"é1"}\n{"user_id":"b2"}\n{"user_id":"c,3"}\n',
    );
  });

  it("gives the same seed however the bytes are cut into chunks", () => {
    const whole = convert({ format: "csv", column: 1, delimiter: ",", header: "id" }, CSV);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: bytes(CSV).length }), { maxLength: 8 }), (cuts) => {
        expect(convert({ format: "csv", column: 1, delimiter: ",", header: "id" }, CSV, cuts)).toBe(
          whole,
        );
      }),
    );
  });

  it("reads semicolon and tab CSVs without a header", () => {
    expect(convert({ format: "csv", column: 0, delimiter: ";" }, "a;1\nb;2\na;3\n")).toBe(
      '{"user_id":"a"}\n{"user_id":"b"}\n',
    );
    expect(convert({ format: "csv", column: 1, delimiter: "\t" }, "a\t1\nb\t2\n")).toBe(
      '{"user_id":"1"}\n{"user_id":"2"}\n',
    );
  });
});

describe("SeedTally", () => {
  it("counts the same however the bytes are cut into chunks", () => {
    const text =
      '\uFEFF{"user_id": "a"}\n\n{"user_id": "é"}\r\nbad\n{"user_id": "a"}\n{"user_id": 5}';
    const data = bytes(text);
    const count = (cuts: number[]) => {
      const tally = new SeedTally();
      let at = 0;
      for (const cut of [...cuts].sort((a, b) => a - b)) {
        tally.push(data.subarray(at, cut));
        at = cut;
      }
      tally.push(data.subarray(at));
      return tally.result();
    };
    const whole = count([]);
    expect(whole).toMatchObject({
      lines: 6,
      uniqueIds: 3,
      duplicates: 1,
      blankLines: 1,
      malformedLines: 1,
      malformed: [{ line: 4 }],
    });
    fc.assert(
      fc.property(fc.array(fc.nat({ max: data.length }), { maxLength: 8 }), (cuts) => {
        expect(count(cuts)).toEqual(whole);
      }),
    );
  });
});

describe("SeedConverter: the seed rules before anything is written", () => {
  it("refuses a file with fewer unique IDs than the service's minimum of 25", () => {
    const converter = new SeedConverter({ format: "csv", column: 0, delimiter: "," });
    converter.push(bytes(Array.from({ length: 24 }, (_, i) => `id${i}\nid${i}`).join("\n")));
    expect(() => converter.end()).toThrow(
      "24 unique user IDs: a seed needs at least 25. Nothing was written.",
    );
    const enough = new SeedConverter({ format: "csv", column: 0, delimiter: "," });
    enough.push(bytes(Array.from({ length: 25 }, (_, i) => `id${i}`).join("\n")));
    expect(() => enough.end()).not.toThrow();
  });
});
