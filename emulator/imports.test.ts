/**
 * The local service's modules import one another without a circle (type
 * imports included): each can be read, and tested, from the ones below it.
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname);

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sources(file);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [file] : [];
  });
}

/** The emulator files a module imports, by relative specifier. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, "utf8");
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^;]*?from\s+"(\.[^"]+)"/g)];
  return specifiers.flatMap(([, specifier]) => {
    const base = path.resolve(path.dirname(file), specifier!);
    const target = [`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f));
    return target && target.startsWith(ROOT) ? [target] : [];
  });
}

/** Every import circle of a graph (module → the modules it imports), each as the modules around it. */
function circles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const found: string[][] = [];
  const state = new Map<string, "open" | "done">();
  const stack: string[] = [];
  const visit = (file: string) => {
    state.set(file, "open");
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === "open") found.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, "done");
  };
  for (const file of graph.keys()) if (!state.has(file)) visit(file);
  return found;
}

describe("the local service's imports", () => {
  it("form no circle", () => {
    const graph = new Map(sources(ROOT).map((f) => [f, importsOf(f)]));
    const found = circles(graph).map((c) => c.map((f) => path.relative(ROOT, f)));
    expect(found).toEqual([]);
  });

  it("are read from the files, and a circle among them would be found", () => {
    const file = (name: string) => path.join(ROOT, name);
    // The circle there was: control → denials → routes/context → control.
    expect(importsOf(file("control.ts"))).toContain(file("denials.ts"));
    expect(importsOf(file("denials.ts"))).toContain(file("routes/context.ts"));
    expect(importsOf(file("routes/context.ts"))).not.toContain(file("control.ts"));
    const before = new Map([
      ["control", ["denials"]],
      ["denials", ["routes/context"]],
      ["routes/context", ["control"]],
    ]);
    expect(circles(before)).toEqual([["control", "denials", "routes/context"]]);
  });
});
