import { describe, expect, it } from "vitest";

import { buttonClasses } from "./button";
import { cn } from "./cn";

describe("cn", () => {
  it("skips falsy values", () => {
    expect(cn("a", false, null, undefined, "b")).toBe("a b");
  });

  it("lets a later class of the same property win", () => {
    expect(cn("px-3.5 py-2", "px-2")).toBe("py-2 px-2");
  });

  it("gives a Button's className the last word over its base classes", () => {
    const classes = buttonClasses("ghost", "min-h-0 px-2 py-1").split(" ");
    expect(classes).toEqual(expect.arrayContaining(["min-h-0", "px-2", "py-1"]));
    expect(classes).not.toContain("min-h-9");
    expect(classes).not.toContain("px-3.5");
    expect(classes).not.toContain("py-2");
  });
});
