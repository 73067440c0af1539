import { clsx, type ClassValue } from "clsx";

/**
 * Join class names, skipping falsy ones (`clsx`), and let later Tailwind
 * classes win over earlier ones of the same property: a `className` passed to
 * a component overrides its base classes (`cn("px-3.5 py-2", "px-2")` is
 * `"py-2 px-2"`), per variant (`sm:px-2` overrides `sm:px-4`, not `px-4`).
 *
 * The merge is ours, not `tailwind-merge` (9 KiB compressed on every page,
 * for rules we mostly never meet): it knows the groups below, the ones the
 * primitives' base classes use, and leaves any other class alone (both kept,
 * as plain `clsx` would). A primitive that gets a new kind of base class adds
 * its group here, with a case in `cn.test.ts`.
 */
export function cn(...classes: ClassValue[]): string {
  const joined = clsx(classes);
  let merged = merges.get(joined);
  if (merged === undefined) {
    // The same few dozen combinations come back on every render: merge each once.
    if (merges.size >= 1000) merges.clear();
    merged = merge(joined);
    merges.set(joined, merged);
  }
  return merged;
}

const merges = new Map<string, string>();

function merge(joined: string): string {
  const list = joined.split(/\s+/);
  const seen = new Set<string>();
  const kept: string[] = [];
  for (let i = list.length - 1; i >= 0; i--) {
    const name = list[i]!;
    if (!name) continue;
    const key = keyOf(name);
    if (key) {
      if (seen.has(key)) continue;
      seen.add(key);
      const variant = key.slice(0, key.lastIndexOf("|") + 1);
      for (const covered of COVERS[key.slice(variant.length)] ?? []) seen.add(variant + covered);
    }
    kept.push(name);
  }
  return kept.reverse().join(" ");
}

/** Groups whose value is whatever follows the prefix (`px-3.5`, `min-h-9`, `gap-x-2`, `-mt-1`). Longest first. */
const PREFIXES = [
  "p",
  "px",
  "py",
  "pt",
  "pr",
  "pb",
  "pl",
  "m",
  "mx",
  "my",
  "mt",
  "mr",
  "mb",
  "ml",
  "gap",
  "gap-x",
  "gap-y",
  "space-x",
  "space-y",
  "w",
  "h",
  "size",
  "min-w",
  "min-h",
  "max-w",
  "max-h",
  "inset",
  "top",
  "right",
  "bottom",
  "left",
  "z",
  "opacity",
  "leading",
  "tracking",
  "items",
  "justify",
  "self",
  "grid-cols",
  "col-span",
  "overflow",
  "overflow-x",
  "overflow-y",
  "whitespace",
  "cursor",
  "shrink",
  "grow",
  "line-clamp",
  "scroll-mt",
  "rounded",
  "rounded-t",
  "rounded-b",
  "rounded-l",
  "rounded-r",
  "shadow",
  "duration",
  "outline-offset",
  "underline-offset",
  "align",
  "animate",
].sort((a, b) => b.length - a.length);
const PREFIXED = new RegExp(`^-?(${PREFIXES.join("|")})-(.+)$`);
const COLOR = /^(inherit|current|transparent|black|white|[a-z]+-\d{2,3})(\/\d+)?$/;
const KEYWORDS: Record<string, string> = {
  ...Object.fromEntries(
    "block inline inline-block flex inline-flex grid inline-grid hidden contents table"
      .split(" ")
      .map((k) => [k, "display"]),
  ),
  ...Object.fromEntries(
    "static fixed absolute relative sticky".split(" ").map((k) => [k, "position"]),
  ),
  rounded: "rounded",
  shadow: "shadow",
  border: "border-w",
  ring: "ring-w",
  transition: "transition",
};
/** A group that sets what others set too: a later `p-4` also overrides an earlier `px-2`. */
const COVERS: Record<string, string[]> = {
  p: ["px", "py", "pt", "pr", "pb", "pl"],
  px: ["pr", "pl"],
  py: ["pt", "pb"],
  m: ["mx", "my", "mt", "mr", "mb", "ml"],
  mx: ["mr", "ml"],
  my: ["mt", "mb"],
  gap: ["gap-x", "gap-y"],
  size: ["w", "h"],
  inset: ["top", "right", "bottom", "left"],
  rounded: ["rounded-t", "rounded-b", "rounded-l", "rounded-r"],
  overflow: ["overflow-x", "overflow-y"],
};

/** `variant|group` of a class, or undefined for a class no group claims. */
function keyOf(name: string): string | undefined {
  const bracket = name.indexOf("[");
  const cut = name.lastIndexOf(":", bracket < 0 ? undefined : bracket) + 1;
  const variant = name.slice(0, cut);
  const group = groupOf(name.slice(cut));
  return group && `${variant}|${group}`;
}

function groupOf(u: string): string | undefined {
  const keyword = KEYWORDS[u];
  if (keyword) return keyword;
  const [, head, value = ""] = /^([a-z]+)-(.+)$/.exec(u) ?? [];
  switch (head) {
    case "text":
      if (/^(xs|sm|base|lg|\d?xl|\[[\d.]+r?em\])$/.test(value)) return "text-size";
      if (/^(left|center|right|justify|start|end)$/.test(value)) return "text-align";
      return COLOR.test(value) ? "text-color" : undefined;
    case "font":
      return /^(sans|serif|mono)$/.test(value) ? "font-family" : "font-weight";
    case "bg":
    case "shadow":
    case "divide":
    case "accent":
      return COLOR.test(value) ? `${head}-color` : undefined;
    case "border":
    case "ring":
    case "outline":
      if (COLOR.test(value)) return `${head}-color`;
      if (/^\d+$/.test(value)) return `${head}-w`;
      if (/^(solid|dashed|dotted|double|none)$/.test(value)) return `${head}-style`;
      break;
    case "flex":
      if (/^(row|col)(-reverse)?$/.test(value)) return "flex-direction";
      if (/^(wrap|nowrap|wrap-reverse)$/.test(value)) return "flex-wrap";
      return "flex";
  }
  return PREFIXED.exec(u)?.[1];
}
