/**
 * Keeps a child process running for `npm start` (scripts/start.mjs): when it
 * stops on its own, it is started again after a pause that doubles with each
 * quick failure (1 s, 2 s, 4 s … at most 30 s); after `maxQuickRestarts`
 * stops within `quickMs` of starting, it is left stopped and `onGiveUp` says
 * how to start it by hand. Stopping on purpose (`stop()`) never restarts.
 *
 * `start()` returns a child with `on("exit", …)` and `kill()`; `sleep` and
 * `now` are injectable so a test runs without waiting.
 */
export function supervise({
  name,
  start,
  log = console.error,
  onGiveUp,
  maxQuickRestarts = 5,
  quickMs = 60_000,
  sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now = Date.now,
}) {
  let stopping = false;
  let child;
  let quickFailures = 0;
  let restarts = 0;

  const launch = () => {
    const startedAt = now();
    child = start();
    child.on("exit", async (code, signal) => {
      if (stopping) return;
      quickFailures = now() - startedAt < quickMs ? quickFailures + 1 : 1;
      const how = signal ?? `exit code ${code}`;
      if (quickFailures > maxQuickRestarts) {
        log(`${name} stopped (${how}) ${quickFailures} times in a row; not starting it again.`);
        onGiveUp?.();
        return;
      }
      const pause = Math.min(30_000, 1000 * 2 ** (quickFailures - 1));
      log(
        `${name} stopped (${how}). The dashboard stays up and shows the outage; starting the service again in ${pause / 1000} s.`,
      );
      await sleep(pause);
      if (stopping) return;
      restarts += 1;
      launch();
    });
  };
  launch();

  return {
    get child() {
      return child;
    },
    get restarts() {
      return restarts;
    },
    stop() {
      stopping = true;
      if (child && child.exitCode === null) child.kill("SIGTERM");
    },
  };
}
