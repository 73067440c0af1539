import { describe, expect, it } from "vitest";

import { STARTED_BY_TAG } from "@/lib/schemas/dashboard-tags";

import { inheritedTags, jobTagCount, tagLimitMessage, tagsBeyondForm } from "./job-tags";
import { TAGS_MAX } from "./limits";

const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}`);
const model = {
  tags: { project: "spring-campaign" },
  childResourceTagOnCreatePolicy: "FROM_PARENT_RESOURCE",
};

describe("the tags a job will carry", () => {
  it("inherits the model's tags only when the model passes them on", () => {
    expect(inheritedTags(model)).toEqual({ project: "spring-campaign" });
    expect(inheritedTags({ ...model, childResourceTagOnCreatePolicy: "NONE" })).toEqual({});
    expect(inheritedTags(undefined)).toEqual({});
  });

  it("counts the model's tags, the dashboard's and the form's, each key once", () => {
    const beyond = tagsBeyondForm(model, true);
    expect(beyond.dashboard).toEqual([STARTED_BY_TAG]);
    expect(jobTagCount(["team"], beyond)).toEqual({
      total: 3,
      form: 1,
      inherited: 1,
      dashboard: 1,
    });
    // A form tag with the model's key replaces it.
    expect(jobTagCount(["project"], beyond).total).toBe(2);
  });

  it("says the limit in words, with where the other tags come from", () => {
    expect(tagLimitMessage(keys(TAGS_MAX), tagsBeyondForm(undefined, false))).toBeUndefined();
    expect(tagLimitMessage(keys(TAGS_MAX + 1), tagsBeyondForm(undefined, false))).toBe(
      `At most ${TAGS_MAX} tags are allowed`,
    );
    expect(tagLimitMessage(keys(TAGS_MAX - 2), tagsBeyondForm(model, true))).toBeUndefined();
    expect(tagLimitMessage(keys(TAGS_MAX), tagsBeyondForm(model, true))).toBe(
      "A job can have at most 50 tags, and this one would have 52 (50 here, 1 inherited from the model and 1 the dashboard adds to record who started it): remove 2 tags",
    );
    expect(tagLimitMessage(keys(TAGS_MAX), tagsBeyondForm(model, false))).toMatch(
      /would have 51 \(50 here and 1 inherited from the model\): remove 1 tag$/,
    );
  });
});
