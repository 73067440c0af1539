/**
 * The public keys of an AWS load balancer's assertions, fetched by key ID
 * (`<keys url>/<kid>`) and kept. Anyone can send an assertion naming any key
 * ID, so what a stranger can make the dashboard fetch is bounded: a key that
 * could not be fetched is remembered as such for a while (not fetched again
 * on each request), and at most a few distinct keys are fetched per minute.
 */
import { importSPKI, type KeyLike } from "jose";

/** How long fetching a public key may take. */
const KEY_FETCH_TIMEOUT_MS = 5_000;
/** Keys kept (a load balancer rotates among a handful). */
const KEYS_KEPT = 32;
/** How long a key that could not be fetched is not asked for again. */
export const FAILED_KEY_RETRY_MS = 60_000;
/** The most distinct keys fetched in any minute; beyond it an assertion is refused without a fetch. */
export const KEY_FETCHES_PER_MINUTE = 10;
const MINUTE_MS = 60_000;

interface Entry {
  key: Promise<KeyLike>;
  /** When the fetch failed: the failure is answered from here until FAILED_KEY_RETRY_MS later. */
  failedAt?: number;
}

export class AlbKeys {
  private readonly entries = new Map<string, Entry>();
  private fetchTimes: number[] = [];
  private saidBusyAt = -Infinity;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly log: (line: string) => void = (line) => console.error(line),
  ) {}

  /** The key at `<keysUrl>/<kid>`: kept, fetched, or refused (a rejected promise). */
  get(keysUrl: string, kid: string): Promise<KeyLike> {
    const url = `${keysUrl}/${kid}`;
    const now = this.now();
    const known = this.entries.get(url);
    if (known && (known.failedAt === undefined || now - known.failedAt < FAILED_KEY_RETRY_MS)) {
      return known.key;
    }
    this.fetchTimes = this.fetchTimes.filter((t) => now - t < MINUTE_MS);
    if (this.fetchTimes.length >= KEY_FETCHES_PER_MINUTE) {
      if (now - this.saidBusyAt >= MINUTE_MS) {
        this.saidBusyAt = now;
        this.log(
          `Refused load balancer assertions naming new keys: more than ${KEY_FETCHES_PER_MINUTE} distinct keys were asked for within a minute (the last: ${url}). A load balancer uses a handful; this looks like someone sending made-up key IDs.`,
        );
      }
      return Promise.reject(new Error(`Too many distinct keys fetched this minute (${url})`));
    }
    this.fetchTimes.push(now);
    const entry: Entry = { key: fetchKey(url) };
    entry.key.catch((error: unknown) => {
      entry.failedAt = this.now();
      this.log(
        `Could not read the load balancer's public key from ${url} (AUTH_TRUSTED_PROXY_ALB_KEYS_URL): ${error instanceof Error ? error.message : String(error)}. Assertions naming it are refused for ${FAILED_KEY_RETRY_MS / 1000} s before it is fetched again.`,
      );
    });
    if (!known && this.entries.size >= KEYS_KEPT) {
      this.entries.delete(this.entries.keys().next().value!);
    }
    this.entries.set(url, entry);
    return entry.key;
  }
}

async function fetchKey(url: string): Promise<KeyLike> {
  const response = await fetch(url, { signal: AbortSignal.timeout(KEY_FETCH_TIMEOUT_MS) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return importSPKI(await response.text(), "ES256");
}
