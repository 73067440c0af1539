import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";

import { PAGE_BUDGETS } from "./budgets";
import { loadableManifestPath, LOADS_DYNAMIC_ON_HYDRATION, PAGE_ROUTES, pageBytes } from "./bytes";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A build folder with the two files pageBytes reads, and chunks of random (incompressible) bytes. */
function fakeBuild(chunks: Record<string, number>, routes: Record<string, string[]>) {
  dir = mkdtempSync(path.join(tmpdir(), "bench-bytes-"));
  mkdirSync(path.join(dir, "static/chunks"), { recursive: true });
  mkdirSync(path.join(dir, "diagnostics"));
  for (const [name, size] of Object.entries(chunks))
    writeFileSync(path.join(dir, "static/chunks", name), randomBytes(size));
  writeFileSync(
    path.join(dir, "build-manifest.json"),
    JSON.stringify({ rootMainFiles: ["static/chunks/framework.js"] }),
  );
  writeFileSync(
    path.join(dir, "diagnostics/route-bundle-stats.json"),
    JSON.stringify(
      Object.entries(routes).map(([route, files]) => ({
        route,
        firstLoadChunkPaths: files.map((f) => `.next/static/chunks/${f}`),
      })),
    ),
  );
}

describe("pageBytes", () => {
  it("counts the next/dynamic chunks of a page that loads them on hydration (the chart), not on use", () => {
    fakeBuild(
      { "framework.js": 100_000, "job.js": 100_000, "chart.js": 120_000, "seed.js": 90_000 },
      {
        [PAGE_ROUTES["job page"]!]: ["framework.js", "job.js"],
        [PAGE_ROUTES["new job"]!]: ["framework.js", "job.js"],
      },
    );
    const manifest = (route: string, file: string) => {
      const at = path.join(dir, loadableManifestPath(route));
      mkdirSync(path.dirname(at), { recursive: true });
      writeFileSync(at, JSON.stringify({ 1: { id: 1, files: [`static/chunks/${file}`] } }));
    };
    manifest(PAGE_ROUTES["job page"]!, "chart.js");
    manifest(PAGE_ROUTES["new job"]!, "seed.js");
    const { pages } = pageBytes(dir);
    expect(LOADS_DYNAMIC_ON_HYDRATION.has("job page")).toBe(true);
    expect(LOADS_DYNAMIC_ON_HYDRATION.has("new job")).toBe(false);
    // The job page: framework, page and chart; the new job page's seed tools load on use.
    expect(pages.find((p) => p.name === "job page")!.ratio).toBeCloseTo(3.2, 1);
    expect(pages.find((p) => p.name === "new job")!.ratio).toBeCloseTo(2.0, 1);
  });

  it("gives each page's first-load JS as a ratio to the framework's, against its budget in budgets.ts", () => {
    fakeBuild(
      { "framework.js": 100_000, "list.js": 40_000, "job.js": 200_000 },
      {
        [PAGE_ROUTES["jobs list"]!]: ["framework.js", "list.js"],
        [PAGE_ROUTES["job page"]!]: ["framework.js", "job.js"],
      },
    );
    const { framework, pages } = pageBytes(dir);
    expect(framework).toBeGreaterThan(100_000); // random bytes do not compress
    const list = pages.find((p) => p.name === "jobs list")!;
    const job = pages.find((p) => p.name === "job page")!;
    expect(list.ratio).toBeCloseTo(1.4, 1);
    expect(list.budget).toBe(PAGE_BUDGETS["jobs list"]!.js);
    expect(list.ratio <= list.budget).toBe(true);
    expect(job.ratio).toBeCloseTo(3.0, 1);
    expect(job.ratio <= job.budget).toBe(false);
    // Pages the build does not have are left out.
    expect(pages.map((p) => p.name)).toEqual(["jobs list", "job page"]);
  });
});
