// Run: npx tsx bench/pages/bytes.ts [--dist-dir=.next]   (after `next build`; `npm test` runs it on the e2e build)
//
// The JS-byte budgets of bench/pages, checked from a build's output alone, in
// a second: bytes are stable where load times are not. For each page, the
// gzip size of the scripts the build lists as its first load
// (`diagnostics/route-bundle-stats.json`), against the framework's own
// scripts (`build-manifest.json`'s `rootMainFiles`: what every Next.js app
// loads, the empty app of bench/pages included). Code a page fetches later
// (`import()` on intent, `next/dynamic`) is not counted, as it is not sent
// with the page, except on the pages of LOADS_DYNAMIC_ON_HYDRATION: their
// `next/dynamic` chunks (the route's `react-loadable-manifest.json`: the
// relevance chart) are fetched as soon as the page has hydrated, and the
// full benchmark counts them too. The ratios come out a little above the
// benchmark's: the framework's scripts are not quite all an empty page loads.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

import { PAGE_BUDGETS } from "./budgets";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** The pages measured, by the route the build names them with. */
export const PAGE_ROUTES: Record<string, string> = {
  "jobs list": "/",
  "new job": "/jobs/new",
  "job page": "/jobs/[region]/[account]/[...id]",
  compare: "/compare",
};

/** Pages whose `next/dynamic` chunks load on hydration (the relevance chart), not on use. */
export const LOADS_DYNAMIC_ON_HYDRATION: ReadonlySet<string> = new Set(["job page", "compare"]);

/** The build's file listing a route's `next/dynamic` chunks. */
export function loadableManifestPath(route: string): string {
  return path.join("server/app", route, "page/react-loadable-manifest.json");
}

export interface PageBytes {
  name: string;
  bytes: number;
  ratio: number;
  budget: number;
}

/** First-load JS (gzip bytes) of each page the build has, as a ratio to the framework's own scripts. */
export function pageBytes(distDir: string): { framework: number; pages: PageBytes[] } {
  const dir = path.resolve(root, distDir);
  const read = (file: string) => JSON.parse(readFileSync(path.join(dir, file), "utf8")) as unknown;
  const gzipped = new Map<string, number>();
  const size = (file: string) => {
    const relative = file.replace(/^(\.\/)?[^/]*\/(?=static\/)/, "");
    if (!gzipped.has(relative))
      gzipped.set(relative, gzipSync(readFileSync(path.join(dir, relative))).length);
    return gzipped.get(relative)!;
  };
  const { rootMainFiles } = read("build-manifest.json") as { rootMainFiles: string[] };
  const framework = rootMainFiles.reduce((sum, f) => sum + size(f), 0);
  const stats = read("diagnostics/route-bundle-stats.json") as {
    route: string;
    firstLoadChunkPaths: string[];
  }[];
  const pages = Object.entries(PAGE_ROUTES).flatMap(([name, route]) => {
    const entry = stats.find((s) => s.route === route);
    if (!entry) return [];
    const files = new Set(entry.firstLoadChunkPaths);
    const manifest = path.join(dir, loadableManifestPath(route));
    if (LOADS_DYNAMIC_ON_HYDRATION.has(name) && existsSync(manifest)) {
      const loadable = JSON.parse(readFileSync(manifest, "utf8")) as Record<
        string,
        { files: string[] }
      >;
      for (const chunk of Object.values(loadable).flatMap((l) => l.files))
        if (chunk.endsWith(".js")) files.add(chunk);
    }
    const bytes = [...files].reduce((sum, f) => sum + size(f), 0);
    return [{ name, bytes, ratio: bytes / framework, budget: PAGE_BUDGETS[name]!.js }];
  });
  return { framework, pages };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const arg = process.argv.find((a) => a.startsWith("--dist-dir="));
  const distDir = arg?.slice("--dist-dir=".length) ?? process.env.E2E_DIST_DIR ?? ".next";
  if (!existsSync(path.resolve(root, distDir, "diagnostics/route-bundle-stats.json"))) {
    console.error(`No build in ${distDir}: run \`next build\` first.`);
    process.exit(1);
  }
  const { framework, pages } = pageBytes(distDir);
  const kib = (b: number) => `${(b / 1024).toFixed(1)} KiB`;
  console.log(`Framework scripts (the empty app's share): ${kib(framework)}`);
  let failed = 0;
  for (const p of pages) {
    const ok = p.ratio <= p.budget;
    if (!ok) failed++;
    console.log(
      `  ${p.name.padEnd(10)} ${kib(p.bytes).padStart(10)}  ${p.ratio.toFixed(2)}×  ${ok ? "PASS" : "FAIL"} (≤ ${p.budget})`,
    );
  }
  process.exitCode = failed > 0 ? 1 : 0;
}
