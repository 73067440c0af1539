import { describe, expect, it } from "vitest";

import { COMPARE_MAX, compareHref, parseCompareJobs, parseCompareLink } from "./compare";

const arn = (id: string) =>
  `arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/${id}`;

describe("the comparison's link", () => {
  it("names the jobs in order, once each, and reads back the same", () => {
    const arns = [arn("a"), arn("b"), arn("c")];
    const href = compareHref(arns);
    // The short form: the region and account once, then the job IDs.
    expect(href).toBe("/compare?at=us-east-1:123456789012&ids=a,b,c");
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseCompareLink(params)).toEqual({ ok: true, arns });
    expect(parseCompareJobs(`${arn("a")}, ${arn("b")},${arn("a")},`)).toEqual({
      ok: true,
      arns: [arn("a"), arn("b")],
    });
    expect(parseCompareJobs([arn("a"), arn("b")])).toEqual({
      ok: true,
      arns: [arn("a"), arn("b")],
    });
  });

  it("says plainly when it names too many jobs, too few, or something that is not a job", () => {
    const many = Array.from({ length: COMPARE_MAX + 1 }, (_, i) => arn(`j${i}`));
    const tooMany = parseCompareJobs(many.join(","));
    expect(tooMany.ok).toBe(false);
    expect(!tooMany.ok && tooMany.problem).toMatch(/at most 6 jobs; this link names 7/);

    expect(parseCompareJobs(arn("a"))).toMatchObject({
      ok: false,
      problem: /at least 2 jobs; this link names one/,
    });
    expect(parseCompareJobs(undefined)).toMatchObject({ ok: false, problem: /names none/ });

    const model = "arn:aws:cleanrooms-ml:us-east-1:123456789012:configured-audience-model/m";
    expect(parseCompareJobs(`${arn("a")},${model}`)).toMatchObject({
      ok: false,
      problem: expect.stringContaining(`not an audience generation job ARN: ${model}`),
    });
  });
});

describe("the comparison's two link forms", () => {
  it("keeps the long form for jobs of different accounts or regions, and still reads it", () => {
    const other = "arn:aws:cleanrooms-ml:eu-west-1:444455556666:audience-generation-job/z";
    const href = compareHref([arn("a"), other]);
    expect(href).toBe(`/compare?jobs=${arn("a")},${other}`);
    const params = Object.fromEntries(new URL(href, "http://x").searchParams);
    expect(parseCompareLink(params)).toEqual({ ok: true, arns: [arn("a"), other] });
  });

  it("reads a short link's IDs into ARNs, checks them like ARNs, and says what a bad `at` should be", () => {
    expect(parseCompareLink({ at: "us-east-1:123456789012", ids: "a, b,a" })).toEqual({
      ok: true,
      arns: [arn("a"), arn("b")],
    });
    expect(parseCompareLink({ ids: "a,b" })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/at=<region>:<account>.*at is missing/),
    });
    expect(parseCompareLink({ at: "us-east-1", ids: "a,b" })).toMatchObject({
      ok: false,
      problem: expect.stringContaining('this link\'s at is "us-east-1"'),
    });
    expect(parseCompareLink({ at: "us-east-1:123456789012", ids: "a" })).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/at least 2 jobs/),
    });
  });
});
