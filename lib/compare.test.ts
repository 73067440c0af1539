import { describe, expect, it } from "vitest";

import { COMPARE_MAX, compareHref, parseCompareJobs } from "./compare";

const arn = (id: string) =>
  `arn:aws:cleanrooms-ml:us-east-1:123456789012:audience-generation-job/${id}`;

describe("the comparison's link", () => {
  it("names the jobs in order, once each, and reads back the same", () => {
    const arns = [arn("a"), arn("b"), arn("c")];
    const href = compareHref(arns);
    expect(href).toBe(`/compare?jobs=${arns.join(",")}`);
    const jobs = new URL(href, "http://x").searchParams.get("jobs") ?? undefined;
    expect(parseCompareJobs(jobs)).toEqual({ ok: true, arns });
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
