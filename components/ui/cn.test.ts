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

describe("cn's groups", () => {
  it.each([
    ["text-sm text-slate-700", "text-xs", "text-slate-700 text-xs"],
    ["text-sm text-slate-700", "text-red-800", "text-sm text-red-800"],
    ["bg-white bg-slate-50/60", "", "bg-slate-50/60"],
    ["border border-slate-200", "border-red-200", "border border-red-200"],
    ["border border-slate-200", "border-0", "border-slate-200 border-0"],
    ["border-b border-slate-100", "border-t", "border-b border-slate-100 border-t"],
    ["px-3 py-2", "p-0", "p-0"],
    ["p-4", "px-2", "p-4 px-2"],
    ["sm:px-5 px-4", "px-2", "sm:px-5 px-2"],
    ["sm:px-5 px-4", "sm:px-1", "px-4 sm:px-1"],
    ["inline-flex items-center", "hidden", "items-center hidden"],
    ["flex flex-col flex-wrap", "flex-row", "flex flex-wrap flex-row"],
    ["ring-1 ring-inset ring-slate-300", "ring-red-300", "ring-1 ring-inset ring-red-300"],
    ["rounded-md", "rounded-t-lg", "rounded-md rounded-t-lg"],
    ["rounded-t-lg", "rounded-md", "rounded-md"],
    ["min-h-9 h-10 w-full", "min-h-0 w-1/2", "h-10 min-h-0 w-1/2"],
    ["font-medium font-mono", "font-semibold", "font-mono font-semibold"],
    [
      "outline-2 outline-offset-2 outline-indigo-600",
      "outline-red-600",
      "outline-2 outline-offset-2 outline-red-600",
    ],
    ["sr-only select-all", "tabular-nums", "sr-only select-all tabular-nums"],
    // Cases a hand-written merge got wrong: a corner keeps the other three,
    // an axis inset keeps the other axis, modifiers and arbitrary values merge.
    ["rounded-md", "rounded-tl-none", "rounded-md rounded-tl-none"],
    ["top-2 left-2", "inset-x-0", "top-2 inset-x-0"],
    ["space-x-2", "space-x-reverse", "space-x-2 space-x-reverse"],
    ["shadow-xs", "shadow-md", "shadow-md"],
    ["text-sm", "text-[11px]", "text-[11px]"],
  ])("cn(%j, %j) is %j", (base, override, expected) => {
    expect(cn(base, override)).toBe(expected);
  });
});
