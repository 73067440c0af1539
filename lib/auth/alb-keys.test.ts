import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { startKeyServer, TEST_ALB_ARN, type KeyServer } from "@/test/proxy-assertions";

import { AlbKeys, FAILED_KEY_RETRY_MS, KEY_FETCHES_PER_MINUTE } from "./alb-keys";
import { parseAuthConfig, type TrustedProxyConfig } from "./config";
import { proxyIdentity } from "./proxy-proof";

let keys: KeyServer;
beforeAll(async () => {
  keys = await startKeyServer();
});
afterAll(() => keys.close());

const albFetches = () => keys.requests.filter((path) => path.startsWith("/alb/")).length;

describe("the load balancer's keys, fetched by key ID", () => {
  it("are fetched a bounded number of times however many made-up key IDs arrive", async () => {
    const config = parseAuthConfig(
      {
        AWS_REGION: "us-east-1",
        AUTH_TRUSTED_PROXY_ALB_ARN: TEST_ALB_ARN,
        AUTH_TRUSTED_PROXY_ALB_KEYS_URL: keys.albKeysUrl,
      },
      ["-H", "0.0.0.0"],
    ) as TrustedProxyConfig;
    const before = albFetches();
    for (let i = 0; i < 50; i++) {
      const token = await keys.albAssertion(
        { sub: "1", email: "alice@example.com", email_verified: true },
        { kid: randomUUID() },
      );
      expect(await proxyIdentity(config, new Headers({ "x-amzn-oidc-data": token }))).toBe(
        undefined,
      );
    }
    expect(albFetches() - before).toBeLessThanOrEqual(KEY_FETCHES_PER_MINUTE);
  });

  it("remember a failed fetch for a while, then try again; a minute's budget comes back", async () => {
    let now = 1_000_000;
    const lines: string[] = [];
    const cache = new AlbKeys(
      () => now,
      (line) => lines.push(line),
    );
    const before = albFetches();
    const missing = randomUUID();
    for (let i = 0; i < 5; i++) await expect(cache.get(keys.albKeysUrl, missing)).rejects.toThrow();
    expect(albFetches() - before).toBe(1);
    expect(lines).toHaveLength(1);

    now += FAILED_KEY_RETRY_MS;
    await expect(cache.get(keys.albKeysUrl, missing)).rejects.toThrow();
    expect(albFetches() - before).toBe(2);

    // The rest of this minute's budget, then refusals without a fetch, said once on the log.
    for (let i = 0; i < KEY_FETCHES_PER_MINUTE + 5; i++)
      await expect(cache.get(keys.albKeysUrl, randomUUID())).rejects.toThrow();
    expect(albFetches() - before).toBe(KEY_FETCHES_PER_MINUTE + 1);
    expect(lines.filter((l) => l.includes("distinct keys"))).toHaveLength(1);
    now += 60_000;
    await expect(cache.get(keys.albKeysUrl, randomUUID())).rejects.toThrow();
    expect(albFetches() - before).toBe(KEY_FETCHES_PER_MINUTE + 2);
  });
});
