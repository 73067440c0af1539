import { describe, expect, it } from "vitest";

import { RouteError } from "@/lib/fetch-json";
import { createBackoff, POLL_MAX_MS, POLL_MIN_MS, watchedPolling } from "@/lib/polling";
import { isJobGone } from "@/lib/queries/job";

/** A query's state after a refresh at `at` that returned `data` (same object = unchanged, as structural sharing gives). */
const state = (data: unknown, at: number) =>
  ({ state: { data, dataUpdatedAt: at } }) as Parameters<ReturnType<typeof createBackoff>>[0];

describe("the job page's polling backoff", () => {
  it("starts at about 2 s, grows while nothing changes, caps at 15 s, and starts again on a change", () => {
    const backoff = createBackoff();
    const a = { status: "CREATE_IN_PROGRESS" };
    const delays: number[] = [];
    let t = 1;
    delays.push(backoff(state(a, t++)));
    for (let i = 0; i < 8; i++) delays.push(backoff(state(a, t++)));
    expect(delays[0]).toBe(POLL_MIN_MS);
    expect(delays[1]).toBe(3000);
    expect(delays.at(-1)).toBe(POLL_MAX_MS);
    expect([...delays].sort((x, y) => x - y)).toEqual(delays);

    const b = { status: "ACTIVE" };
    expect(backoff(state(b, t++))).toBe(POLL_MIN_MS);
  });

  it("counts each refresh once however often TanStack asks", () => {
    const backoff = createBackoff();
    const a = {};
    backoff(state(a, 1));
    expect(backoff(state(a, 2))).toBe(3000);
    expect(backoff(state(a, 2))).toBe(3000);
    expect(backoff(state(a, 2))).toBe(3000);
  });

  it("knows a deleted job by the route's 404", () => {
    expect(
      isJobGone(new RouteError(404, { code: "ResourceNotFoundException", message: "gone" })),
    ).toBe(true);
    expect(isJobGone(new RouteError(502, { code: "NetworkError", message: "down" }))).toBe(false);
    expect(isJobGone(new Error("x"))).toBe(false);
  });
});

describe("a hidden tab's polling", () => {
  const setHidden = (hidden: boolean) =>
    Object.defineProperty(globalThis, "document", {
      configurable: true,
      value: { visibilityState: hidden ? "hidden" : "visible" },
    });

  it("goes on only while a notification was asked for, at the slow end of the backoff", () => {
    const interval = () => POLL_MIN_MS;
    const asked = watchedPolling(interval, true);
    const notAsked = watchedPolling(interval, false);
    expect(asked.refetchIntervalInBackground).toBe(true);
    expect(notAsked.refetchIntervalInBackground).toBe(false);
    try {
      setHidden(false);
      expect(asked.refetchInterval(undefined)).toBe(POLL_MIN_MS);
      setHidden(true);
      expect(asked.refetchInterval(undefined)).toBe(POLL_MAX_MS);
      expect(notAsked.refetchInterval(undefined)).toBe(POLL_MIN_MS);
      // A finished job stops polling whatever was asked.
      expect(watchedPolling(() => false, true).refetchInterval(undefined)).toBe(false);
    } finally {
      Reflect.deleteProperty(globalThis, "document");
    }
  });
});
