import { describe, expect, it } from "vitest";

import { TAGS_MAX } from "@/lib/schemas/api";

import { splitTags, tagChanges, tagsFormSchema } from "./tags-form";

const errorsOf = (tags: { key: string; value: string }[]) => {
  const result = tagsFormSchema.safeParse({ tags });
  return result.success
    ? {}
    : Object.fromEntries(result.error.issues.map((i) => [i.path.join("."), i.message]));
};

describe("tag rules (the same as the start-job form)", () => {
  it("accepts ordinary tags, including an empty value", () => {
    expect(
      errorsOf([
        { key: "team", value: "growth" },
        { key: "draft", value: "" },
      ]),
    ).toEqual({});
  });

  it("refuses keys reserved for AWS, in any case", () => {
    expect(errorsOf([{ key: "AWS:owner", value: "x" }])["tags.0.key"]).toMatch(/reserved/);
  });

  it("refuses a key used twice, beside the second row", () => {
    const errors = errorsOf([
      { key: "team", value: "a" },
      { key: "team", value: "b" },
    ]);
    expect(errors["tags.1.key"]).toBe("Each tag must have a unique key");
    expect(errors["tags.0.key"]).toBeUndefined();
  });

  it("refuses an empty key and too long values", () => {
    const errors = errorsOf([{ key: "", value: "v".repeat(257) }]);
    expect(errors["tags.0.key"]).toBe("Tag key is required");
    expect(errors["tags.0.value"]).toMatch(/at most 256/);
  });

  it(`refuses more than ${TAGS_MAX} tags`, () => {
    const rows = Array.from({ length: TAGS_MAX + 1 }, (_, i) => ({ key: `k${i}`, value: "" }));
    expect(errorsOf(rows).tags).toBe(`At most ${TAGS_MAX} tags are allowed`);
  });
});

describe("blank rows (the rule of every key/value list)", () => {
  it("ignores a row whose key and value are both blank, in the checks and the changes", () => {
    const rows = [
      { key: "team", value: "growth" },
      { key: "", value: "" },
      { key: "  ", value: " " },
    ];
    expect(errorsOf(rows)).toEqual({});
    expect(tagChanges([{ key: "team", value: "growth" }], rows)).toEqual({ remove: [], set: {} });
    const full = Array.from({ length: TAGS_MAX }, (_, i) => ({ key: `k${i}`, value: "" }));
    expect(errorsOf([...full, { key: "", value: "" }])).toEqual({});
  });

  it("still checks a half-filled row", () => {
    expect(errorsOf([{ key: "", value: "x" }])["tags.0.key"]).toBe("Tag key is required");
  });
});

describe("tag changes", () => {
  it("removes dropped keys and sets added or changed ones, leaving the rest alone", () => {
    const before = [
      { key: "keep", value: "1" },
      { key: "change", value: "old" },
      { key: "drop", value: "x" },
    ];
    const after = [
      { key: "keep", value: "1" },
      { key: "change", value: "new" },
      { key: "add", value: "" },
    ];
    expect(tagChanges(before, after)).toEqual({
      remove: ["drop"],
      set: { change: "new", add: "" },
    });
  });

  it("treats a renamed key as a removal and an addition", () => {
    expect(tagChanges([{ key: "old", value: "v" }], [{ key: "new", value: "v" }])).toEqual({
      remove: ["old"],
      set: { new: "v" },
    });
  });

  it("keeps AWS's own tags out of the editable rows", () => {
    const { editable, reserved } = splitTags({
      "aws:cloudformation:stack": "s",
      team: "a",
      Alpha: "b",
    });
    expect(editable.map((r) => r.key)).toEqual(["Alpha", "team"]);
    expect(reserved.map((r) => r.key)).toEqual(["aws:cloudformation:stack"]);
  });
});
