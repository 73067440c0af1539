import { describe, expect, it } from "vitest";

import { keyProblem, locationOf, parseS3Uri, parseSeedBuckets } from "./locations";

describe("SEED_BUCKETS", () => {
  it("reads buckets and prefixes, s3:// optional, a prefix always ending with /", () => {
    expect(parseSeedBuckets(" acme-seeds , s3://acme-shared/marketing/seeds,")).toEqual([
      { bucket: "acme-seeds", prefix: "" },
      { bucket: "acme-shared", prefix: "marketing/seeds/" },
    ]);
    expect(parseSeedBuckets(undefined)).toEqual([]);
    expect(parseSeedBuckets("  ")).toEqual([]);
  });

  it("refuses what is not a bucket, or a prefix that escapes", () => {
    expect(() => parseSeedBuckets("Acme_Seeds")).toThrow(/SEED_BUCKETS: "Acme_Seeds"/);
    expect(() => parseSeedBuckets("acme/../other/")).toThrow(/\. or \.\. segment/);
    expect(() => parseSeedBuckets("acme/a//b")).toThrow(/empty folder name/);
  });

  it("places a key in a location only under its prefix", () => {
    const locations = parseSeedBuckets("acme-seeds/team/");
    expect(locationOf(locations, "acme-seeds", "team/a.jsonl")).toBeDefined();
    expect(locationOf(locations, "acme-seeds", "teamx/a.jsonl")).toBeUndefined();
    expect(locationOf(locations, "other", "team/a.jsonl")).toBeUndefined();
  });
});

describe("keys and URIs", () => {
  it("refuses control characters, . and .. segments and a leading slash", () => {
    expect(keyProblem("seeds/a.jsonl")).toBeUndefined();
    expect(keyProblem("seeds/../a")).toMatch(/\.\./);
    expect(keyProblem("./a")).toMatch(/\.\./);
    expect(keyProblem("a\u0007b")).toMatch(/control/);
    expect(keyProblem("a\u0085b")).toMatch(/control/);
    expect(keyProblem("/a")).toMatch(/starts with/);
    expect(keyProblem("a..b/c")).toBeUndefined();
  });

  it("splits s3:// URIs", () => {
    expect(parseS3Uri("s3://b/k/x.jsonl")).toEqual({ bucket: "b", key: "k/x.jsonl" });
    expect(parseS3Uri("s3://b")).toEqual({ bucket: "b", key: "" });
    expect(parseS3Uri("https://b/k")).toBeUndefined();
  });
});
