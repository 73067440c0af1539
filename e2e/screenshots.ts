import fs from "node:fs";
import path from "node:path";
import type { Locator, Page } from "@playwright/test";

/**
 * With E2E_SCREENSHOTS=<folder>, the specs save what they show at desktop and
 * phone widths, `<name>-1280.png` and `<name>-390.png`, to be looked at by
 * hand (never compared). Without it, nothing is taken.
 */
const FOLDER = process.env.E2E_SCREENSHOTS;

const WIDTHS = [
  { width: 1280, height: 800 },
  { width: 390, height: 844 },
] as const;

/** `part` scrolled into view, or the whole page when no part is given. */
export async function screenshot(page: Page, name: string, part?: Locator): Promise<void> {
  if (!FOLDER) return;
  fs.mkdirSync(FOLDER, { recursive: true });
  const size = page.viewportSize();
  for (const viewport of WIDTHS) {
    await page.setViewportSize(viewport);
    await part?.scrollIntoViewIfNeeded();
    await page.screenshot({
      path: path.join(FOLDER, `${name}-${viewport.width}.png`),
      fullPage: !part,
    });
  }
  if (size) await page.setViewportSize(size);
}
