// The page benchmark's loads (bench/pages/index.ts, step 1): each page in a
// fresh Chromium context, its figures read from the page's own Performance
// Timeline (Navigation, Paint, Largest Contentful Paint and Resource Timing),
// so nothing attaches to the page across the process swap that
// Cross-Origin-Opener-Policy causes.
import { chromium, type Browser, type Page } from "@playwright/test";

import { chromiumLaunchOptions } from "../../test/chromium";

interface Load {
  jsBytes: number;
  requests: number;
  otherRequests: number;
  ttfb: number;
  fcp: number;
  lcp: number;
}

/** One load of `url` in a fresh context (an empty cache), until the network is idle; read from the page's timeline. */
async function load(browser: Browser, url: string, javaScript: boolean): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    javaScriptEnabled: javaScript,
  });
  await context.addInitScript(() => {
    // Room for every resource of a load (the default keeps 250).
    performance.setResourceTimingBufferSize(1000);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        (window as { benchLcp?: number }).benchLcp = entry.startTime;
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  const page = await context.newPage();
  let inFlight = 0;
  page.on("request", () => inFlight++);
  page.on("requestfinished", () => inFlight--);
  page.on("requestfailed", () => inFlight--);
  const response = await page.goto(url, { waitUntil: "load" });
  if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
  await page.waitForLoadState("networkidle");
  if (javaScript) await settle(page, () => inFlight);
  // The browser's own clock and counts. With JavaScript disabled no timer or observer callback runs,
  // so only what can be read at once is read: FCP from the timeline, LCP from the observer set up
  // before load. A script is a resource a <script> (or a preload of one) fetched; its bytes are what
  // came over the wire (transferSize), or the body alone when the browser does not say.
  const figures = await page.evaluate(() => {
    const timeline = window.performance;
    const resources = timeline.getEntriesByType("resource") as PerformanceResourceTiming[];
    const scripts = resources.filter(
      (r) => r.initiatorType === "script" || /\.m?js$/.test(new URL(r.name).pathname),
    );
    return {
      jsBytes: scripts.reduce((sum, r) => sum + (r.transferSize || r.encodedBodySize), 0),
      requests: 1 + resources.length,
      otherRequests: 1 + resources.length - scripts.length,
      ttfb:
        (timeline.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)
          ?.responseStart ?? Number.NaN,
      fcp: timeline.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      lcp: (window as { benchLcp?: number }).benchLcp ?? Number.NaN,
    };
  });
  await context.close();
  return figures;
}

/**
 * Waits until the page has nothing left to fetch on its own: no request in
 * flight, the main thread idle (hydration done, so the code it loads once
 * hydrated, such as the job page's chart, has been asked for) and no new
 * resource for half a second. On a busy machine hydration can end after the
 * network has been quiet for the 500 ms that "networkidle" waits.
 */
async function settle(page: Page, inFlight: () => number) {
  let seen = -1;
  for (;;) {
    await page.waitForTimeout(500);
    const count = await page.evaluate(
      () =>
        new Promise<number>((resolve) =>
          requestIdleCallback(() => resolve(performance.getEntriesByType("resource").length)),
        ),
    );
    if (count === seen && inFlight() === 0) return;
    seen = count;
  }
}

const median = (xs: number[]) => {
  const sorted = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor(sorted.length / 2)]!;
};

export interface PageFigures {
  name: string;
  jsBytes: number;
  requests: number;
  otherRequests: number;
  ttfb: number;
  fcp: number;
  fcpNoJs: number;
  lcp: number;
}

/** Loads each page `runs` times (after one warm-up load), the pages taking turns; the medians per page. */
export async function measureLoads(
  pages: { name: string; url: string }[],
  runs: number,
): Promise<PageFigures[]> {
  const browser = await chromium.launch(chromiumLaunchOptions);
  const withJs = new Map<string, Load[]>(pages.map((p) => [p.name, []]));
  const withoutJs = new Map<string, Load[]>(pages.map((p) => [p.name, []]));
  console.log(`Loading each page ${runs} times (after one warm-up load)…`);
  try {
    for (let run = 0; run <= runs; run++) {
      for (const { name, url } of pages) {
        const js = await load(browser, url, true);
        const noJs = await load(browser, url, false);
        if (run === 0) continue;
        withJs.get(name)!.push(js);
        withoutJs.get(name)!.push(noJs);
      }
    }
  } finally {
    await browser.close();
  }
  return pages.map(({ name }) => {
    const loads = withJs.get(name)!;
    return {
      name,
      jsBytes: median(loads.map((l) => l.jsBytes)),
      requests: median(loads.map((l) => l.requests)),
      otherRequests: median(loads.map((l) => l.otherRequests)),
      ttfb: median(loads.map((l) => l.ttfb)),
      fcp: median(loads.map((l) => l.fcp)),
      fcpNoJs: median(withoutJs.get(name)!.map((l) => l.fcp)),
      lcp: median(loads.map((l) => l.lcp)),
    };
  });
}
