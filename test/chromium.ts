import { existsSync } from "node:fs";
import type { LaunchOptions } from "@playwright/test";

const DEBIAN_CHROMIUM = "/usr/bin/chromium";

/**
 * How every browser run here starts Chromium (the end-to-end specs, the
 * benchmarks): Debian's build when it is installed, since Playwright cannot
 * download its own on our machines, without the sandbox (CI runs as root) and
 * without the background calls that a closed network would refuse.
 */
export const chromiumLaunchOptions: LaunchOptions = {
  executablePath: existsSync(DEBIAN_CHROMIUM) ? DEBIAN_CHROMIUM : undefined,
  args: [
    "--no-sandbox",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
  ],
};
