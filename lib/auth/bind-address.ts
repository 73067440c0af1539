/**
 * The address the dashboard listens on, which decides whether it may run
 * without sign-in (config.ts): from the setting and the command line, which
 * must agree, and, once the server listens, from the address it really bound.
 */
import net from "node:net";

import { ConfigError } from "@/lib/config";
import { isLoopbackHost } from "@/lib/loopback";

/** `next start`'s `-H` / `--hostname` in a process's arguments, if given. */
function hostFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if ((arg === "-H" || arg === "--hostname") && argv[i + 1]) return argv[i + 1];
    const inline = /^--hostname=(.+)$/.exec(arg);
    if (inline) return inline[1];
  }
  return undefined;
}

/** Two ways of writing the same listening address (`localhost` and `127.0.0.1` are both loopback). */
function sameReach(a: string, b: string): boolean {
  return a === b || (isLoopbackHost(a) && isLoopbackHost(b));
}

/**
 * The address the server listens on: `DASHBOARD_BIND_HOST` (set by `npm start`
 * and the end-to-end runs from HOST / `-H`) or the `-H` / `--hostname` of
 * `next start` in this process's arguments. When both are given they must
 * agree: a setting saying 127.0.0.1 while `-H 0.0.0.0` listens everywhere is
 * refused (a ConfigError), never believed. Undefined when neither is given:
 * `next start` without `-H` listens on every interface.
 */
export function bindHostOf(
  env: Record<string, string | undefined>,
  argv: readonly string[],
): string | undefined {
  const setting = env.DASHBOARD_BIND_HOST?.trim() || undefined;
  const commandLine = hostFromArgv(argv);
  if (setting !== undefined && commandLine !== undefined && !sameReach(setting, commandLine)) {
    throw new ConfigError(
      `Refusing to start: DASHBOARD_BIND_HOST=${setting} but the server was started with -H ${commandLine}. ` +
        "Set DASHBOARD_BIND_HOST to the address the server listens on (npm start sets it from HOST), or leave it unset.",
    );
  }
  return setting ?? commandLine;
}

/** The addresses this process's servers really listen on (empty when none is listening yet). */
export function listeningAddresses(): string[] {
  const handles = (
    process as unknown as { _getActiveHandles?: () => unknown[] }
  )._getActiveHandles?.();
  return (handles ?? [])
    .filter((h): h is net.Server => h instanceof net.Server && h.listening)
    .map((server) => server.address())
    .flatMap((address) => (address && typeof address === "object" ? [address.address] : []));
}

/**
 * The refusal when the server was said to listen on a loopback address but
 * really listens where other machines reach it (a server started some other
 * way, such as a standalone server.js with HOSTNAME): undefined otherwise.
 */
export function realBindRefusal(
  configured: string | undefined,
  real: readonly string[],
): ConfigError | undefined {
  if (configured === undefined || !isLoopbackHost(configured)) return undefined;
  const reachable = real.find((address) => !isLoopbackHost(address));
  if (reachable === undefined) return undefined;
  return new ConfigError(
    `Refusing to start: the dashboard was told it listens on ${configured} (DASHBOARD_BIND_HOST or -H), but it listens on ${reachable}, which other machines can reach. ` +
      'Start it on the address you meant, or set up sign-in (see "Deploying for a team" in README.md).',
  );
}
